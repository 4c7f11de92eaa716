import type { JWK } from 'jose';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A public key an ADMIN trusts for an issuer that cannot be resolved offline (did:web, https key URLs). */
@Entity('issuer_key')
export class IssuerKeyEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The verification method id / JWT kid, e.g. `did:web:example.org#key-1` or `https://issuer.example/keys/1`. */
  @Column('text', { name: 'key_id', unique: true })
  keyId!: string;

  /** The issuer (DID or URL) the key belongs to: what the verifier takes as the key's controller. */
  @Column('text', { name: 'issuer_id' })
  issuerId!: string;

  /** The public JWK, reduced to its key parameters (kty, crv, x, y or n, e). */
  @Column('jsonb', { name: 'public_key' })
  publicKey!: JWK;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** token sub of the ADMIN who first registered the key id */
  @Column('text', { name: 'created_by', nullable: true })
  createdBy!: string | null;

  /** when another key was last registered under this key id (null: never replaced) */
  @Column('timestamptz', { name: 'replaced_at', nullable: true })
  replacedAt!: Date | null;

  @Column('text', { name: 'replaced_by', nullable: true })
  replacedBy!: string | null;
}
