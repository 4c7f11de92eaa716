import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Role } from '../auth/role.enum';
import { AuditedMatchObject } from './audited-match.object';

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

  @Field(() => String, { nullable: true, description: 'the taxonomy version the ranking was computed with (null in records before versions were recorded)' })
  taxonomyVersion!: string | null;

  @Field(() => [AuditedMatchObject])
  results!: AuditedMatchObject[];

  @Field(() => Int, { nullable: true, description: 'rankCandidates: the totalCount returned' })
  totalCount!: number | null;
}
