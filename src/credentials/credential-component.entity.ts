import { Entity, PrimaryColumn } from 'typeorm';

/** `componentId` stacks into `credentialId`. */
@Entity('credential_component')
export class CredentialComponentEntity {
  @PrimaryColumn('uuid', { name: 'credential_id' })
  credentialId!: string;

  @PrimaryColumn('uuid', { name: 'component_id' })
  componentId!: string;
}
