import { Injectable } from '@nestjs/common';
import { AppException } from '../common/errors/app.exception';
import { isUuid } from '../common/loaders/group-by';
import { ConnectionShape } from '../common/pagination/connection.factory';
import { decodeCursor, encodeCursor } from '../common/pagination/cursor';
import { resolveMatchConfig } from '../domain/matching/match-config';
import { COVERAGE_FORMULA_VERSION, matchCandidate, rankCandidates } from '../domain/matching/match-engine';
import { RankCursor, RankedCandidate, Requirement } from '../domain/matching/match-types';
import { SimilarityIndex } from '../domain/taxonomy/similarity';
import { JobService } from '../jobs/job.service';
import { MatchEvidenceRepository } from '../matching/match-evidence.repository';
import { MatchingService } from '../matching/matching.service';
import { TaxonomyService } from '../taxonomy/taxonomy.service';
import { AuditedMatchObject } from './audited-match.object';
import { CandidateChangeObject, CandidateChangeReason } from './candidate-change.object';
import { chainBreak } from './audit-chain.service';
import { engineConfigHash } from './engine-config';
import { RankingAuditObject } from './ranking-audit.object';
import { AuditedResult, RankingAuditRecord, RankingAuditRepository } from './ranking-audit.repository';
import { RankingReplayObject } from './ranking-replay.object';
import { ReplayChange } from './replay-change.enum';

/** Scores of a replay match the audit when they differ by at most this. */
export const SCORE_TOLERANCE = 1e-9;

export function toAuditObject(r: RankingAuditRecord): RankingAuditObject {
  return {
    id: r.id,
    at: r.createdAt,
    operation: r.operation,
    actorSub: r.actorSub,
    actorRole: r.actorRole as RankingAuditObject['actorRole'],
    jobId: r.jobId,
    arguments: JSON.stringify(r.arguments),
    asOf: r.asOf,
    configHash: r.configHash,
    taxonomyVersion: r.taxonomyVersion,
    results: toMatches(r.results),
    totalCount: r.totalCount,
  };
}

function toMatches(results: readonly AuditedResult[]): AuditedMatchObject[] {
  return results.map((r, i) => ({ position: i + 1, candidateId: r.candidateId, score: r.score, meetsMandatory: r.meetsMandatory }));
}

/** Lines describing how the recomputed results differ from the audited ones; [] when they match. */
export function compareResults(audited: readonly AuditedResult[], replayed: readonly AuditedResult[], tolerance = SCORE_TOLERANCE): string[] {
  const lines: string[] = [];
  if (audited.length !== replayed.length) lines.push(`${audited.length} results audited, ${replayed.length} now`);
  for (let i = 0; i < Math.max(audited.length, replayed.length); i++) {
    const a = audited[i];
    const b = replayed[i];
    if (!a || !b) continue;
    if (a.candidateId !== b.candidateId) lines.push(`position ${i + 1}: ${a.candidateId} audited, ${b.candidateId} now`);
    else if (Math.abs(a.score - b.score) > tolerance) lines.push(`position ${i + 1}: ${a.candidateId} scored ${a.score} audited, ${b.score} now`);
    else if (a.meetsMandatory !== b.meetsMandatory) lines.push(`position ${i + 1}: ${a.candidateId} meetsMandatory ${a.meetsMandatory} audited, ${b.meetsMandatory} now`);
  }
  return lines;
}

function sameRequirements(a: readonly Requirement[], b: readonly Requirement[]): boolean {
  const key = (r: Requirement) => [r.skillId, r.level, r.weight, r.mandatory].join('|');
  return a.length === b.length && a.every((r, i) => key(r) === key(b[i]));
}

function decodeRankCursor(after: string): RankCursor {
  const [, meetsMandatory, score, candidateId] = decodeCursor(after, 'after', 4);
  if (typeof meetsMandatory !== 'boolean' || typeof score !== 'number' || typeof candidateId !== 'string') throw AppException.badInput('after', 'after: malformed cursor');
  return { meetsMandatory, score, candidateId };
}

/** Lists audit records and replays them: the pure engine on today's data with the audited asOf, requirements and configuration. */
@Injectable()
export class RankingReplayService {
  constructor(
    private readonly audits: RankingAuditRepository,
    private readonly evidence: MatchEvidenceRepository,
    private readonly taxonomy: TaxonomyService,
    private readonly jobs: JobService,
    private readonly matching: MatchingService,
  ) {}

  async list(jobId: string | null | undefined, first: number, after: string | null | undefined): Promise<ConnectionShape<RankingAuditObject>> {
    if (jobId && !isUuid(jobId)) throw AppException.notFound('Job', jobId, 'jobId');
    let beforeSeq: number | null = null;
    if (after) {
      const [seq] = decodeCursor(after, 'after', 1);
      if (typeof seq !== 'number' || !Number.isInteger(seq)) throw AppException.badInput('after', 'after: malformed cursor');
      beforeSeq = seq;
    }
    const { rows, totalCount } = await this.audits.list(jobId ?? null, first, beforeSeq);
    const page = rows.slice(0, first);
    const edges = page.map((r) => ({ node: toAuditObject(r), cursor: encodeCursor([r.seq]) }));
    return { edges, totalCount, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.length ? edges[edges.length - 1].cursor : null } };
  }

  async replay(auditId: string): Promise<RankingReplayObject> {
    const audit = await this.audits.find(auditId);
    if (!audit) throw AppException.notFound('RankingAudit', auditId, 'auditId');
    const config = { match: resolveMatchConfig(audit.config.match), similarity: audit.config.similarity };
    const similarity = new SimilarityIndex(this.taxonomy.graph, audit.config.similarity);
    const halfLife = (skillId: string) => this.taxonomy.halfLifeOf(skillId);
    const job = { requirements: audit.requirements };
    let replayed: RankedCandidate[];
    let totalCount: number | null = null;
    if (audit.operation === 'rankCandidates') {
      const args = audit.arguments as { first: number; after?: string | null; minScore?: number | null };
      const ranked = rankCandidates(await this.evidence.load(), job, similarity, halfLife, audit.asOf, config.match, {
        first: args.first,
        after: args.after ? decodeRankCursor(args.after) : null,
        minScore: args.minScore ?? null,
      });
      replayed = ranked.items;
      totalCount = ranked.totalCount;
    } else {
      const candidateId = String(audit.arguments.candidateId);
      const [candidate] = await this.evidence.load([candidateId]);
      replayed = candidate ? [matchCandidate(candidate, job, similarity, halfLife, audit.asOf, config.match)] : [];
    }
    const results = replayed.map((r) => ({ candidateId: r.candidateId, score: r.score, meetsMandatory: r.meetsMandatory }));
    const resultDifferences = compareResults(audit.results, results);
    const matches = resultDifferences.length === 0;
    const differences = [...resultDifferences];
    if (audit.totalCount !== null && totalCount !== null && audit.totalCount !== totalCount) differences.push(`totalCount ${audit.totalCount} audited, ${totalCount} now`);

    const current = await this.jobs.findById(audit.jobId);
    const jobChanged = !current || !sameRequirements(audit.requirements, (await this.jobs.requireWithRequirements(audit.jobId, 'jobId')).requirements);

    const ids = [...new Set([...audit.results.map((r) => r.candidateId), ...results.map((r) => r.candidateId)])];
    const changedCandidates: CandidateChangeObject[] = (await this.audits.changesSince(ids, audit.createdAt)).flatMap((row) => {
      const reasons: CandidateChangeReason[] = [];
      if (!row.present) reasons.push(CandidateChangeReason.DELETED);
      if (row.evidence_added) reasons.push(CandidateChangeReason.EVIDENCE_ADDED);
      if (row.credential_added) reasons.push(CandidateChangeReason.CREDENTIAL_ADDED);
      if (row.record_updated) reasons.push(CandidateChangeReason.RECORD_UPDATED);
      return reasons.length ? [{ candidateId: row.candidate_id, reasons }] : [];
    });

    const nowHash = engineConfigHash(this.matching.engineConfig());
    const configMatches = nowHash === audit.configHash;
    if (!configMatches) {
      differences.push(`configuration ${audit.configHash} audited, ${nowHash} now (coverage formula version ${COVERAGE_FORMULA_VERSION} or the match/similarity settings changed)`);
    }
    const taxonomyMatches = audit.taxonomyVersion === null ? null : audit.taxonomyVersion === this.taxonomy.version();
    const changed: ReplayChange[] = [];
    if (!configMatches) changed.push(ReplayChange.CONFIGURATION);
    if (taxonomyMatches !== true) changed.push(ReplayChange.TAXONOMY);
    if (jobChanged) changed.push(ReplayChange.JOB);
    if (changedCandidates.length) changed.push(ReplayChange.CANDIDATES);
    const [before, row] = await this.audits.chainRows('ranking_audit', Math.max(0, audit.chainPos - 2), 2).then((rows) => (audit.chainPos === 1 ? [null, ...rows] : rows));
    const recordIntact = row?.id === audit.id && chainBreak(row, before) === null;
    if (!recordIntact) differences.unshift('the audit record does not match its hash chain: it was rewritten after it was written (verifyAuditChain)');

    return {
      audit: toAuditObject(audit),
      matches,
      configMatches,
      taxonomyMatches,
      recordIntact,
      changed,
      jobChanged,
      results: toMatches(results),
      totalCount,
      differences,
      changedCandidates,
    };
  }
}
