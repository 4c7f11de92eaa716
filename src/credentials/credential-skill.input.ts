import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsUUID, Max, Min } from 'class-validator';

@InputType('CredentialSkillInput')
export class CredentialSkillInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'skillId must be a skill id' })
  skillId!: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(5)
  level!: number;
}
