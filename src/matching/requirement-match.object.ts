import { Field, Float, ObjectType } from '@nestjs/graphql';
import { JobRequirementObject } from '../jobs/job-requirement.object';
import type { EvidenceSource, GapReason as GapReasonValue } from '../domain/matching/match-types';
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
  /** set in a masked ranking: a learner's own achievement record is unique to them, so its id is shown as this stand-in */
  credentialMask?: (id: string) => string;
  /** the matched evidence's level, source and (credential evidence) verification status; null when via = NONE */
  evidenceLevel!: number | null;
  source!: EvidenceSource | null;
  verification!: string | null;
  /** why coverage < 1 (computed on demand, for `reason` and the summary); null when covered in full */
  gap!: () => GapReasonValue | null;

  @Field(() => Float, { description: '0.5^(ageMonths / halfLifeMonths) of that evidence; 0 when via = NONE' })
  decay!: number;

  @Field(() => Date, { nullable: true })
  evidencedAt!: Date | null;

  @Field(() => Float, { description: 'similarity of the matched skill to the required one (1 = the same skill)' })
  similarity!: number;

  @Field(() => Float, { description: 'strength of the matched evidence at asOf: level x confidence x decay' })
  strength!: number;
}
