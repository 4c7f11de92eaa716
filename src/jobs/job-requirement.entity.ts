import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('job_requirement')
export class JobRequirementEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'job_id' })
  jobId!: string;

  @Column('uuid', { name: 'skill_id' })
  skillId!: string;

  @Column('integer')
  level!: number;

  @Column('double precision')
  weight!: number;

  @Column('boolean')
  mandatory!: boolean;

  /** 0-based order within the job, as the recruiter entered it. */
  @Column('integer')
  position!: number;
}
