import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { IssuerKeyEntity } from './issuer-key.entity';
import { IssuerKeyRepository } from './issuer-key.repository';
import { TrustedIssuerEntity } from './trusted-issuer.entity';
import type { IssuerTrustEntry, TrustedKey, TrustedKeyStore } from './verification';

/**
 * The verifier's view of the ADMIN's trust store: issuer keys registered with registerIssuerKey (table issuer_key)
 * and the loaded trust list (table trusted_issuer). The verifier looks up a key id and then the issuer id; both
 * match a registered key id exactly, and the entry's controller is the issuer it was registered for.
 * `issuer(id)`: whether the issuer is on the trust list, the keys registered or listed for it and the catalogue
 * issuers it is trusted for. Read on every lookup, so a change applies to the next import.
 */
@Injectable()
export class DatabaseTrustedKeyStore implements TrustedKeyStore {
  constructor(
    private readonly keys: IssuerKeyRepository,
    private readonly dataSource: DataSource,
  ) {}

  /** A registered key by key id; else, for an issuer on the trust list with exactly one key, that key. */
  async lookup(issuerIdOrKid: string): Promise<TrustedKey | null> {
    const row = await this.keys.findByKeyId(issuerIdOrKid);
    if (row) return { publicKeyJwk: row.publicKey, controller: row.issuerId };
    const listed = await this.dataSource.manager.findOne(TrustedIssuerEntity, { where: { issuerId: issuerIdOrKid } });
    return listed?.publicKeys.length === 1 ? { publicKeyJwk: listed.publicKeys[0], controller: listed.issuerId } : null;
  }

  async issuer(issuerId: string): Promise<IssuerTrustEntry | null> {
    const m = this.dataSource.manager;
    const [listed, registered] = await Promise.all([
      m.findOne(TrustedIssuerEntity, { where: { issuerId } }),
      m.find(IssuerKeyEntity, { where: { issuerId } }),
    ]);
    if (!listed && registered.length === 0) return null;
    return {
      listed: !!listed,
      keys: [...(listed?.publicKeys ?? []), ...registered.map((r) => r.publicKey)],
      trustedFor: listed?.trustedFor ?? [],
    };
  }
}
