import { Injectable } from '@nestjs/common';
import type { TrustedKey, TrustedKeyStore } from './verification';

/**
 * Issuer keys that cannot be resolved offline (did:web, https issuers), looked up by the verifier with a
 * key id and then with the issuer id. In memory for now: an ADMIN `registerIssuerKey` mutation that
 * persists them comes later. did:key and did:jwk issuers need no entry.
 */
@Injectable()
export class InMemoryTrustedKeyStore implements TrustedKeyStore {
  private readonly keys = new Map<string, TrustedKey>();

  /** Trusts `key` for `issuerIdOrKid` (an issuer id, or a key id such as `did:web:example.org#key-1`). */
  register(issuerIdOrKid: string, key: TrustedKey): void {
    const id = issuerIdOrKid.trim();
    if (!id) throw new Error('issuer id or key id must not be empty');
    this.keys.set(id, key);
  }

  unregister(issuerIdOrKid: string): boolean {
    return this.keys.delete(issuerIdOrKid.trim());
  }

  lookup(issuerIdOrKid: string): TrustedKey | null {
    return this.keys.get(issuerIdOrKid) ?? null;
  }
}
