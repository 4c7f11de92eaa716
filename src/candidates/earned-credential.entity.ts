import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type VerificationStatusValue = 'VERIFIED' | 'UNVERIFIED' | 'FAILED' | 'REVOKED';

export interface VerificationCheckRecord {
  name: string;
  outcome: 'PASS' | 'FAIL' | 'UNKNOWN' | 'SKIPPED';
  detail?: string;
}

@Entity('earned_credential')
export class EarnedCredentialEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'candidate_id' })
  candidateId!: string;

  @Column('uuid', { name: 'credential_id' })
  credentialId!: string;

  @Column('timestamptz', { name: 'issued_at' })
  issuedAt!: Date;

  @Column('timestamptz', { name: 'expires_at', nullable: true })
  expiresAt!: Date | null;

  @Column('text', { default: 'VERIFIED' })
  verification!: VerificationStatusValue;

  @Column('jsonb', { name: 'verification_checks', default: () => "'[]'" })
  verificationChecks!: VerificationCheckRecord[];

  /** The trusted issuer whose key made an imported credential VERIFIED; null otherwise. */
  @Column('text', { name: 'verified_by', nullable: true })
  verifiedBy!: string | null;

  /** sha256 of an imported credential document, so importing it twice creates nothing new. */
  @Column('text', { name: 'source_hash', nullable: true })
  sourceHash!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
