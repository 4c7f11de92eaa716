import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsDate, IsEnum, IsInt, IsUUID, Max, Min } from 'class-validator';
import { EvidenceSource } from './evidence-source.enum';

@InputType('AddSkillEvidenceInput')
export class AddSkillEvidenceInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'candidateId must be a candidate id' })
  candidateId!: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'skillId must be a skill id' })
  skillId!: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(5)
  level!: number;

  @Field()
  @IsDate()
  evidencedAt!: Date;

  @Field(() => EvidenceSource)
  @IsEnum(EvidenceSource)
  source!: EvidenceSource;
}
