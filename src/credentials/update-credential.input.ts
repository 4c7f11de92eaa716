import { Field, ID, InputType, PartialType } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';
import { CreateCredentialInput } from './create-credential.input';

/** Changes to a catalogue credential; omitted fields stay as they are, lists replace the old ones. */
@InputType('UpdateCredentialInput')
export class UpdateCredentialInput extends PartialType(CreateCredentialInput, InputType) {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be a credential id' })
  id!: string;
}
