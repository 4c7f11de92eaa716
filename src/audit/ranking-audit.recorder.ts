import { Injectable } from '@nestjs/common';
import { Principal } from '../auth/principal';
import { Requirement } from '../domain/matching/match-types';
import { TaxonomyService } from '../taxonomy/taxonomy.service';
import { EngineConfig, engineConfigHash } from './engine-config';
import { AuditedOperation, AuditedResult, RankingAuditRepository } from './ranking-audit.repository';

export interface RankingToAudit {
  operation: AuditedOperation;
  jobId: string;
  arguments: Record<string, unknown>;
  asOf: Date;
  config: EngineConfig;
  requirements: readonly Requirement[];
  results: readonly AuditedResult[];
  totalCount: number | null;
}

/**
 * Appends one ranking_audit record per rankCandidates / matchCandidate call: who, when, the job
 * and its requirements as used, the arguments, asOf, the engine configuration and its hash, the
 * taxonomy version, and the returned candidate ids with scores (the database chains each record to
 * the one before by hash). A call whose record cannot be written fails.
 */
@Injectable()
export class RankingAuditRecorder {
  constructor(
    private readonly repository: RankingAuditRepository,
    private readonly taxonomy: TaxonomyService,
  ) {}

  record(principal: Principal, ranking: RankingToAudit): Promise<string> {
    return this.repository.insert({
      operation: ranking.operation,
      actorSub: principal.sub,
      actorRole: principal.role,
      jobId: ranking.jobId,
      arguments: ranking.arguments,
      asOf: ranking.asOf,
      configHash: engineConfigHash(ranking.config),
      taxonomyVersion: this.taxonomy.version(),
      config: ranking.config,
      requirements: ranking.requirements.map((r) => ({ id: r.id, skillId: r.skillId, level: r.level, weight: r.weight, mandatory: r.mandatory })),
      results: ranking.results.map((r) => ({ candidateId: r.candidateId, score: r.score, meetsMandatory: r.meetsMandatory })),
      totalCount: ranking.totalCount,
    });
  }
}
