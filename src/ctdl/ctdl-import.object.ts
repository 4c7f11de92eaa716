import { Field, ObjectType } from '@nestjs/graphql';
import { CredentialObject } from '../credentials/credential.object';
import { PathwayObject } from '../pathways/pathway.object';

@ObjectType('CtdlImport', { description: 'What importCtdl created or updated, and what it could not represent' })
export class CtdlImportObject {
  @Field(() => [CredentialObject], { description: 'created or updated, in document order' })
  credentials!: CredentialObject[];

  @Field(() => [PathwayObject])
  pathways!: PathwayObject[];

  @Field(() => [String], { description: 'one sentence for each thing that could not be represented' })
  warnings!: string[];
}
