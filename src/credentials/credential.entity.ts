import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type CredentialTypeValue = 'MICRO_CREDENTIAL' | 'BADGE' | 'CERTIFICATE' | 'CERTIFICATION' | 'DEGREE';

@Entity('credential')
export class CredentialEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  @Column('text')
  issuer!: string;

  @Column('text')
  type!: CredentialTypeValue;

  @Column('double precision')
  hours!: number;

  @Column('double precision')
  cost!: number;

  @Column('integer', { name: 'validity_months', nullable: true })
  validityMonths!: number | null;

  @Column('double precision', { name: 'academic_credits', nullable: true })
  academicCredits!: number | null;

  @Column('integer', { name: 'required_components', nullable: true })
  requiredComponents!: number | null;

  @Column('text', { nullable: true })
  description!: string | null;

  /** An identifier outside skillstack (e.g. an Open Badges achievement id); unique in the catalogue when set. */
  @Column('text', { name: 'external_id', nullable: true })
  externalId!: string | null;

  /**
   * Set: not a catalogue credential but this learner's own achievement record (an imported credential not
   * mapped onto the catalogue under trust). Never listed, recommended or shared with another import.
   */
  @Column('uuid', { name: 'owner_candidate_id', nullable: true })
  ownerCandidateId!: string | null;
  /** Credential Engine's CTID (ceterms:ctid) when imported from CTDL; unique when set. */
  @Column('text', { name: 'ce_ctid', nullable: true, unique: true })
  ctid!: string | null;

  /** ISO 4217 code of `cost` when the source stated one (CTDL ceterms:currency); null: the catalogue currency. */
  @Column('text', { nullable: true })
  currency!: string | null;

  /** The CTDL class it was imported as (e.g. `Course`, `BachelorDegree`); an export writes it back. */
  @Column('text', { name: 'ctdl_class', nullable: true })
  ctdlClass!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
