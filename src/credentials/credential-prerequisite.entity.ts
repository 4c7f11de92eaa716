import { Entity, PrimaryColumn } from 'typeorm';

/** `prerequisiteId` must be held before `credentialId` can be earned. */
@Entity('credential_prerequisite')
export class CredentialPrerequisiteEntity {
  @PrimaryColumn('uuid', { name: 'credential_id' })
  credentialId!: string;

  @PrimaryColumn('uuid', { name: 'prerequisite_id' })
  prerequisiteId!: string;
}
