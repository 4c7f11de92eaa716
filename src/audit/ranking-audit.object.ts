import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Role } from '../auth/role.enum';
import { Connection } from '../common/pagination/connection.factory';

@ObjectType('AuditedMatch', { description: 'One candidate of an audited ranking or match, as returned' })
export class AuditedMatchObject {
  @Field(() => Int, { description: '1-based position in the returned page' })
  position!: number;

  @Field(() => ID)
  candidateId!: string;

  @Field(() => Float)
  score!: number;

  @Field()
  meetsMandatory!: boolean;
}

@ObjectType('RankingAudit', { description: 'An append-only record of one rankCandidates or matchCandidate call' })
export class RankingAuditObject {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'when the call was answered' })
  at!: Date;

  @Field({ description: 'rankCandidates or matchCandidate' })
  operation!: string;

  @Field({ description: "the caller's token sub" })
  actorSub!: string;

  @Field(() => Role)
  actorRole!: Role;

  @Field(() => ID)
  jobId!: string;

  @Field({ description: 'the arguments as JSON (first, after, minScore, masked; or candidateId)' })
  arguments!: string;

  @Field()
  asOf!: Date;

  @Field({ description: "configHash of the engine's match and similarity configuration" })
  configHash!: string;

  @Field(() => [AuditedMatchObject])
  results!: AuditedMatchObject[];

  @Field(() => Int, { nullable: true, description: 'rankCandidates: the totalCount returned' })
  totalCount!: number | null;
}

@ObjectType('RankingAuditConnection', { description: 'Newest first' })
export class RankingAuditConnection extends Connection(RankingAuditObject, 'RankingAudit') {}

export enum CandidateChangeReason {
  EVIDENCE_ADDED = 'EVIDENCE_ADDED',
  CREDENTIAL_ADDED = 'CREDENTIAL_ADDED',
  RECORD_UPDATED = 'RECORD_UPDATED',
  DELETED = 'DELETED',
}

registerEnumType(CandidateChangeReason, {
  name: 'CandidateChangeReason',
  valuesMap: {
    EVIDENCE_ADDED: { description: 'skill evidence recorded after the audit' },
    CREDENTIAL_ADDED: { description: 'a credential earned or imported after the audit' },
    RECORD_UPDATED: { description: 'the candidate record (e.g. discoverability) changed after the audit' },
    DELETED: { description: 'the candidate no longer exists' },
  },
});

@ObjectType('CandidateChange')
export class CandidateChangeObject {
  @Field(() => ID)
  candidateId!: string;

  @Field(() => [CandidateChangeReason])
  reasons!: CandidateChangeReason[];
}

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
