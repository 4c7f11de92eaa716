import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('pathway_step')
export class PathwayStepEntity {
  @PrimaryColumn('uuid', { name: 'pathway_id' })
  pathwayId!: string;

  /** 1-based position in the pathway. */
  @PrimaryColumn('integer')
  position!: number;

  @Column('uuid', { name: 'credential_id' })
  credentialId!: string;
}
