import { Injectable } from '@nestjs/common';
import { IssuerKeyRepository } from './issuer-key.repository';
import type { TrustedKey, TrustedKeyStore } from './verification';

/**
 * Issuer keys that cannot be resolved offline (did:web, https issuers), as an ADMIN registered them
 * (registerIssuerKey, table issuer_key). The verifier looks up a key id and then the issuer id; both
 * match a registered key id exactly, and the entry's controller is the issuer it was registered for.
 * did:key and did:jwk issuers need no entry. Read on every lookup, so a change applies to the next import.
 */
@Injectable()
export class DatabaseTrustedKeyStore implements TrustedKeyStore {
  constructor(private readonly keys: IssuerKeyRepository) {}

  async lookup(issuerIdOrKid: string): Promise<TrustedKey | null> {
    const row = await this.keys.findByKeyId(issuerIdOrKid);
    return row ? { publicKeyJwk: row.publicKey, controller: row.issuerId } : null;
  }
}
