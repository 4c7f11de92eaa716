import { Entity, PrimaryColumn } from 'typeorm';

/** One edge of the broader/narrower DAG: `skillId` is narrower than `broaderId`. */
@Entity('skill_broader')
export class SkillBroaderEntity {
  @PrimaryColumn('uuid', { name: 'skill_id' })
  skillId!: string;

  @PrimaryColumn('uuid', { name: 'broader_id' })
  broaderId!: string;
}
