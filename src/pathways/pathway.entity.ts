import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('pathway')
export class PathwayEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  @Column('uuid', { name: 'candidate_id', nullable: true })
  candidateId!: string | null;

  @Column('uuid', { name: 'job_id', nullable: true })
  jobId!: string | null;

  /** the token `sub` that created it (null: seeded or older than owners; ADMIN only) */
  @Column('text', { name: 'created_by', nullable: true })
  createdBy!: string | null;
  /** The CTID (or @id) of the ceterms:Pathway it was imported from; unique when set. */
  @Column('text', { name: 'ctdl_id', nullable: true, unique: true })
  ctdlId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
