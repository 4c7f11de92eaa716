import { Field, Float, ObjectType } from '@nestjs/graphql';
import { JobRequirementObject } from '../jobs/job-requirement.object';
import { MatchVia } from './match-via.enum';

@ObjectType('RequirementMatch')
export class RequirementMatchObject {
  @Field(() => JobRequirementObject)
  requirement!: JobRequirementObject;

  @Field(() => Float)
  coverage!: number;

  @Field(() => MatchVia)
  via!: MatchVia;

  matchedSkillId!: string | null;
  credentialId!: string | null;

  @Field(() => Float, { description: '0.5^(ageMonths / halfLifeMonths) of that evidence; 0 when via = NONE' })
  decay!: number;

  @Field(() => Date, { nullable: true })
  evidencedAt!: Date | null;

  @Field(() => Float, { description: 'similarity of the matched skill to the required one (1 = the same skill)' })
  similarity!: number;

  @Field(() => Float, { description: 'strength of the matched evidence at asOf: level x confidence x decay' })
  strength!: number;
}
