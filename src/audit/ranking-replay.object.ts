import { Field, Int, ObjectType } from '@nestjs/graphql';
import { AuditedMatchObject } from './audited-match.object';
import { CandidateChangeObject } from './candidate-change.object';
import { RankingAuditObject } from './ranking-audit.object';

@ObjectType('RankingReplay', { description: "An audited ranking recomputed with its stored asOf, job requirements and engine configuration on today's data" })
export class RankingReplayObject {
  @Field(() => RankingAuditObject)
  audit!: RankingAuditObject;

  @Field({ description: 'same candidates, same order, scores within 1e-9 (and the same meetsMandatory)' })
  matches!: boolean;

  @Field({ description: "today's engine configuration has the audited configHash" })
  configMatches!: boolean;

  @Field({ description: "the job's requirements today differ from the audited ones (the replay uses the audited ones)" })
  jobChanged!: boolean;

  @Field(() => [AuditedMatchObject], { description: 'the recomputed results' })
  results!: AuditedMatchObject[];

  @Field(() => Int, { nullable: true })
  totalCount!: number | null;

  @Field(() => [String], { description: 'what differs, one line each' })
  differences!: string[];

  @Field(() => [CandidateChangeObject], { description: 'candidates of the audited or recomputed results whose data changed since the audit' })
  changedCandidates!: CandidateChangeObject[];
}
