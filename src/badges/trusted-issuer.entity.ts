import type { JWK } from 'jose';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One entry of the ADMIN's trust list (loadTrustList / `npm run trust:load`): an issuer id and what it is trusted for. */
@Entity('trusted_issuer')
export class TrustedIssuerEntity {
  /** The issuer id credentials name (a DID, did:key / did:jwk included, or an https URL). */
  @PrimaryColumn('text', { name: 'issuer_id' })
  issuerId!: string;

  @Column('text', { nullable: true })
  name!: string | null;

  /** Catalogue issuers (credential.issuer) whose credentials this issuer's imports may map onto. */
  @Column('text', { name: 'trusted_for', array: true, default: () => "'{}'" })
  trustedFor!: string[];

  /** Public keys trusted for the issuer (needed for an https / did:web issuer; a did:key or did:jwk is its own key). */
  @Column('jsonb', { name: 'public_keys', default: () => "'[]'" })
  publicKeys!: JWK[];

  @Column('timestamptz', { name: 'loaded_at', default: () => 'now()' })
  loadedAt!: Date;

  @Column('text', { name: 'loaded_by', nullable: true })
  loadedBy!: string | null;
}
