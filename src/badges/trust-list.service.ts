import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Principal } from '../auth/principal';
import { AppException } from '../common/errors/app.exception';
import { TransactionService } from '../database/transaction.service';
import { listTrustedIssuers, parseTrustList, replaceTrustList, TrustListError } from './trust-list';
import { TrustListLoadObject } from './trust-list-load.object';
import { TrustedIssuerEntity } from './trusted-issuer.entity';
import { TrustedIssuerObject } from './trusted-issuer.object';

export function toTrustedIssuerObject(e: TrustedIssuerEntity): TrustedIssuerObject {
  return {
    issuerId: e.issuerId,
    name: e.name,
    trustedFor: e.trustedFor,
    publicKeys: e.publicKeys.map((k) => JSON.stringify(k)),
    loadedAt: e.loadedAt,
    loadedBy: e.loadedBy,
  };
}

/** The ADMIN's trust list of issuers (loadTrustList, trustedIssuers; `npm run trust:load`). */
@Injectable()
export class TrustListService {
  constructor(
    private readonly transactions: TransactionService,
    private readonly dataSource: DataSource,
  ) {}

  async load(document: string, principal: Principal): Promise<TrustListLoadObject> {
    let entries;
    try {
      entries = await parseTrustList(document);
    } catch (error) {
      if (error instanceof TrustListError) throw AppException.badInput('document', error.message);
      throw error;
    }
    return this.transactions.run(async ({ manager }) => {
      const { loaded, removed } = await replaceTrustList(manager, entries, principal.sub);
      return { loaded, removed, issuers: (await listTrustedIssuers(manager)).map(toTrustedIssuerObject) };
    });
  }

  async list(): Promise<TrustedIssuerObject[]> {
    return (await listTrustedIssuers(this.dataSource.manager)).map(toTrustedIssuerObject);
  }
}
