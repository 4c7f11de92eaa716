import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('credential_skill')
export class CredentialSkillEntity {
  @PrimaryColumn('uuid', { name: 'credential_id' })
  credentialId!: string;

  @PrimaryColumn('uuid', { name: 'skill_id' })
  skillId!: string;

  @Column('integer')
  level!: number;
}
