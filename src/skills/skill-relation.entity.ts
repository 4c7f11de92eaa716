import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A weighted related-skill edge; stored once, read in both directions. */
@Entity('skill_relation')
export class SkillRelationEntity {
  @PrimaryColumn('uuid', { name: 'skill_id' })
  skillId!: string;

  @PrimaryColumn('uuid', { name: 'related_id' })
  relatedId!: string;

  @Column('double precision')
  weight!: number;
}
