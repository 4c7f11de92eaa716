import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type EvidenceSourceValue = 'CREDENTIAL' | 'ASSESSMENT' | 'EXPERIENCE' | 'SELF_REPORTED';

@Entity('skill_evidence')
export class SkillEvidenceEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'candidate_id' })
  candidateId!: string;

  @Column('uuid', { name: 'skill_id' })
  skillId!: string;

  @Column('integer')
  level!: number;

  @Column('timestamptz', { name: 'evidenced_at' })
  evidencedAt!: Date;

  @Column('text')
  source!: EvidenceSourceValue;

  /** The earned credential this evidence comes from (source CREDENTIAL). */
  @Column('uuid', { name: 'earned_credential_id', nullable: true })
  earnedCredentialId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
