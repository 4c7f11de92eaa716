import { Field, Int, ObjectType } from '@nestjs/graphql';
import { AuditedMatchObject } from './audited-match.object';
import { CandidateChangeObject } from './candidate-change.object';
import { RankingAuditObject } from './ranking-audit.object';
import { ReplayChange } from './replay-change.enum';

@ObjectType('RankingReplay', { description: "An audited ranking recomputed with its stored asOf, job requirements and engine configuration on today's data" })
export class RankingReplayObject {
  @Field(() => RankingAuditObject)
  audit!: RankingAuditObject;

  @Field({ description: 'same candidates, same order, scores within 1e-9 (and the same meetsMandatory)' })
  matches!: boolean;

  @Field({ description: "today's engine configuration has the audited configHash" })
  configMatches!: boolean;

  @Field(() => Boolean, { nullable: true, description: "today's taxonomy has the audited taxonomyVersion (null: the record predates taxonomy versions)" })
  taxonomyMatches!: boolean | null;

  @Field({ description: 'the audit record matches its hash and follows the record before it (false: it was rewritten behind the database triggers, see verifyAuditChain)' })
  recordIntact!: boolean;

  @Field(() => [ReplayChange], { description: 'which inputs differ today: configuration, taxonomy, job, candidates ([] with matches: the ranking is reproduced)' })
  changed!: ReplayChange[];

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
