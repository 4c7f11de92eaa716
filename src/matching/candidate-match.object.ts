import { Field, Float, ObjectType } from '@nestjs/graphql';
import { JobObject } from '../jobs/job.object';
import { RequirementMatchObject } from './requirement-match.object';

@ObjectType('CandidateMatch')
export class CandidateMatchObject {
  candidateId!: string;
  /** set in a masked ranking until the caller unmasks the candidate: the handle and name shown instead */
  masked?: { handle: string; name: string; rankingId: string };

  @Field(() => JobObject)
  job!: JobObject;

  @Field(() => Float)
  score!: number;

  @Field()
  meetsMandatory!: boolean;

  @Field()
  asOf!: Date;

  /** one per job requirement (GraphQL field resolved by MatchingResolver.requirements) */
  requirements?: RequirementMatchObject[];
  /** computes `requirements` on demand when they were not computed up front (rankings) */
  explain?: () => Promise<RequirementMatchObject[]>;
}
