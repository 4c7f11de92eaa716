import { Injectable } from '@nestjs/common';
import type { JWK } from 'jose';
import { Principal } from '../auth/principal';
import { ConnectionShape } from '../common/pagination/connection.factory';
import { AppException } from '../common/errors/app.exception';
import { TransactionService } from '../database/transaction.service';
import { IssuerKeyRegistration } from './issuer-key-registration.enum';
import { IssuerKeyEntity } from './issuer-key.entity';
import { IssuerKeyObject } from './issuer-key.object';
import { IssuerKeyRepository } from './issuer-key.repository';
import { IssuerKeysArgs } from './issuer-keys.args';
import { RegisterIssuerKeyInput } from './register-issuer-key.input';
import { loadLibs } from './verification/esm-libs';
import { checkPublicJwk, didOf, jwkThumbprint, multibaseToJwk } from './verification/keys';

/**
 * The ADMIN-maintained trust store of issuer keys (registerIssuerKey, removeIssuerKey, issuerKeys).
 * DatabaseTrustedKeyStore reads it for the verifier.
 */
@Injectable()
export class IssuerKeyService {
  constructor(
    private readonly keys: IssuerKeyRepository,
    private readonly transactions: TransactionService,
  ) {}

  /**
   * Trusts a public key under a key id. The same key (and issuer) again changes nothing (UNCHANGED);
   * another key or issuer replaces the registered one (REPLACED, with who and when).
   */
  async register(input: RegisterIssuerKeyInput, principal: Principal): Promise<IssuerKeyObject> {
    const keyId = input.keyId;
    const issuerId = this.issuerOf(keyId, input.issuerId ?? null);
    const publicKey = await this.publicKeyOf(input);
    const thumbprint = jwkThumbprint(publicKey);

    return this.transactions.run(async ({ manager }) => {
      const created = await this.keys.insertIfAbsent({ keyId, issuerId, publicKey, createdBy: principal.sub }, manager);
      if (created) return this.toObject(created, IssuerKeyRegistration.CREATED);
      const existing = await this.keys.findByKeyIdForUpdate(keyId, manager);
      if (!existing) throw new Error(`issuer key ${keyId} vanished`);
      if (existing.issuerId === issuerId && jwkThumbprint(existing.publicKey) === thumbprint) {
        return this.toObject(existing, IssuerKeyRegistration.UNCHANGED);
      }
      const replaced = await this.keys.replace(existing.id, { issuerId, publicKey, replacedBy: principal.sub }, manager);
      return this.toObject(replaced, IssuerKeyRegistration.REPLACED);
    });
  }

  /** false when no key was registered under the key id. */
  remove(keyId: string): Promise<boolean> {
    return this.transactions.run(({ manager }) => this.keys.deleteByKeyId(keyId, manager));
  }

  async list(args: IssuerKeysArgs): Promise<ConnectionShape<IssuerKeyObject>> {
    const page = await this.keys.list(args);
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: this.toObject(e.node, null) })) };
  }

  /** The issuer a key id belongs to: a DID URL's own DID (the verifier takes no other), else the given issuer id. */
  private issuerOf(keyId: string, issuerId: string | null): string {
    const did = didOf(keyId);
    if (did) {
      if (/^did:(key|jwk):/u.test(did)) {
        throw AppException.badInput('input.keyId', 'a did:key or did:jwk is its own key (anyone can make one): to trust such an issuer, put its DID on the trust list (loadTrustList)');
      }
      if (issuerId && issuerId !== did) throw AppException.badInput('input.issuerId', `a DID URL key id belongs to its DID: issuerId must be ${did} (or omitted)`);
      return did;
    }
    if (!issuerId) {
      throw AppException.badInput('input.issuerId', "an https key id needs its issuerId (the key id itself for a key registered under the issuer's id)");
    }
    return issuerId;
  }

  private async publicKeyOf(input: RegisterIssuerKeyInput): Promise<JWK> {
    const jwkText = input.publicKeyJwk ?? null;
    const multibase = input.publicKeyMultibase ?? null;
    if (jwkText === null && multibase === null) throw AppException.badInput('input.publicKeyJwk', 'give the public key: publicKeyJwk or publicKeyMultibase');
    if (jwkText !== null && multibase !== null) throw AppException.badInput('input.publicKeyMultibase', 'give either publicKeyJwk or publicKeyMultibase, not both');
    if (multibase !== null) {
      const jwk = await multibaseToJwk(await loadLibs(), multibase);
      if (!jwk) throw AppException.badInput('input.publicKeyMultibase', 'publicKeyMultibase is not a valid Ed25519 Multikey public key');
      const checked = checkPublicJwk(jwk);
      if (!checked.ok) throw AppException.badInput('input.publicKeyMultibase', `publicKeyMultibase ${checked.reason}`);
      return checked.jwk;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(jwkText!);
    } catch {
      throw AppException.badInput('input.publicKeyJwk', 'publicKeyJwk must be JWK JSON text');
    }
    const checked = checkPublicJwk(parsed);
    if (!checked.ok) throw AppException.badInput('input.publicKeyJwk', `publicKeyJwk ${checked.reason}`);
    return checked.jwk;
  }

  private toObject(entity: IssuerKeyEntity, registration: IssuerKeyRegistration | null): IssuerKeyObject {
    const jwk = entity.publicKey;
    return {
      id: entity.id,
      keyId: entity.keyId,
      issuerId: entity.issuerId,
      publicKeyJwk: JSON.stringify(jwk),
      keyType: jwk.kty === 'RSA' ? 'RSA' : (jwk.crv ?? jwk.kty ?? 'unknown'),
      thumbprint: jwkThumbprint(jwk),
      createdAt: entity.createdAt,
      createdBy: entity.createdBy,
      replacedAt: entity.replacedAt,
      replacedBy: entity.replacedBy,
      registration,
    };
  }
}
