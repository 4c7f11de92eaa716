import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('occupation_skill')
export class OccupationSkillEntity {
  @PrimaryColumn('uuid', { name: 'occupation_id' })
  occupationId!: string;

  @PrimaryColumn('uuid', { name: 'skill_id' })
  skillId!: string;

  @Column('boolean')
  essential!: boolean;
}
