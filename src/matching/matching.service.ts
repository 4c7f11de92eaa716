import { Injectable } from '@nestjs/common';
import { AppException } from '../common/errors/app.exception';
import { isUuid } from '../common/loaders/group-by';
import { ConnectionShape } from '../common/pagination/connection.factory';
import { decodeCursor, encodeCursor } from '../common/pagination/cursor';
import { gapReason, matchCandidate, skillGap, skillProfile } from '../domain/matching/match-engine';
import { MatchConfig } from '../domain/matching/match-config';
import { CandidateEvidence, CandidateMatch, GapReason as GapReasonValue, JobRequirements, Requirement, SkillStrength } from '../domain/matching/match-types';
import { SimilarityConfig } from '../domain/taxonomy/similarity-config';
import { JobRequirementObject } from '../jobs/job-requirement.object';
import { JobObject } from '../jobs/job.object';
import { JobService } from '../jobs/job.service';
import { TaxonomyService } from '../taxonomy/taxonomy.service';
import { CandidateMatchObject } from './candidate-match.object';
import { MatchEvidenceRepository } from './match-evidence.repository';
import { MatchIndexService } from './match-index.service';
import { GapReason, MatchVia } from './match-via.enum';
import { MatchCandidateArgs } from './match-candidate.args';
import { RankCandidatesArgs } from './rank-candidates.args';
import { RequirementMatchObject } from './requirement-match.object';
import { SkillGapObject } from './skill-gap.object';
import { defaultAsOf } from '../domain/time/start-of-utc-day';

function evidenceFields(e: CandidateEvidence['evidence'][number] | undefined): Pick<RequirementMatchObject, 'evidenceLevel' | 'source' | 'verification'> {
  if (!e) return { evidenceLevel: null, source: null, verification: null };
  return { evidenceLevel: e.level, source: e.source, verification: e.source === 'CREDENTIAL' ? (e.verification ?? null) : null };
}

function once<T>(f: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = f();
      done = true;
    }
    return value;
  };
}

function toRequirement(r: JobRequirementObject): Requirement {
  return { id: r.id, skillId: r.skillId, level: r.level, weight: r.weight, mandatory: r.mandatory };
}

/** Loads through repositories and the in-memory indexes, calls the pure matching engine, maps results. */
/** A match with its explanation computed. */
export type ExplainedMatch = CandidateMatchObject & { requirements: RequirementMatchObject[] };

@Injectable()
export class MatchingService {
  constructor(
    private readonly jobs: JobService,
    private readonly evidence: MatchEvidenceRepository,
    private readonly index: MatchIndexService,
    private readonly taxonomy: TaxonomyService,
  ) {}

  private halfLife = (skillId: string): number => this.taxonomy.halfLifeOf(skillId);

  /** The configuration rankings are computed with (audited with its configHash). */
  engineConfig(): { match: MatchConfig; similarity: SimilarityConfig } {
    return { match: this.index.config, similarity: this.taxonomy.similarity.config };
  }

  /** A page of the ranking, with the asOf and requirements it was computed with (for the audit trail). */
  async rank(args: RankCandidatesArgs): Promise<ConnectionShape<CandidateMatchObject> & { asOf: Date; requirements: Requirement[] }> {
    const cursor = args.after ? this.decodeRankCursor(args.after) : null;
    const asOf = args.asOf ?? cursor?.asOf ?? defaultAsOf();
    const { job, requirements } = await this.requireJob(args.jobId);
    await this.index.settled();
    const engineJob = { requirements: requirements.map(toRequirement) };
    const page = this.index.index.rank(engineJob, this.taxonomy.similarity, asOf, {
      first: args.first,
      after: cursor ? { meetsMandatory: cursor.meetsMandatory, score: cursor.score, candidateId: cursor.candidateId } : null,
      minScore: args.minScore ?? null,
    });
    // Explanations cost a load of the page's evidence and the engine per candidate: computed once
    // for the whole page, and only when a client asks for `requirements`.
    let explained: Promise<Map<string, RequirementMatchObject[]>> | null = null;
    const explainPage = (): Promise<Map<string, RequirementMatchObject[]>> =>
      (explained ??= this.explainAll(
        page.items.map((i) => i.candidateId),
        engineJob,
        job,
        requirements,
        asOf,
      ));
    const edges = page.items.map((item) => {
      const node: CandidateMatchObject = {
        candidateId: item.candidateId,
        job,
        score: item.score,
        meetsMandatory: item.meetsMandatory,
        asOf,
        explain: async () => {
          const found = (await explainPage()).get(item.candidateId);
          if (!found) throw AppException.notFound('Candidate', item.candidateId, 'candidateId');
          return found;
        },
      };
      return { node, cursor: encodeCursor([asOf.toISOString(), item.meetsMandatory, item.score, item.candidateId]) };
    });
    return {
      edges,
      totalCount: page.totalCount,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
      asOf,
      requirements: engineJob.requirements,
    };
  }

  async match(args: MatchCandidateArgs): Promise<ExplainedMatch> {
    const { job, requirements } = await this.requireJob(args.jobId);
    const candidate = await this.requireCandidate(args.candidateId);
    const asOf = args.asOf ?? defaultAsOf();
    const result = matchCandidate(candidate, { requirements: requirements.map(toRequirement) }, this.taxonomy.similarity, this.halfLife, asOf, this.index.config);
    return this.toMatchObject(result, job, requirements, candidate);
  }

  async gap(args: MatchCandidateArgs): Promise<SkillGapObject> {
    const { job, requirements } = await this.requireJob(args.jobId);
    const candidate = await this.requireCandidate(args.candidateId);
    const asOf = args.asOf ?? defaultAsOf();
    const result = skillGap(candidate, { requirements: requirements.map(toRequirement) }, this.taxonomy.similarity, this.halfLife, asOf, this.index.config);
    const byId = new Map(requirements.map((r) => [r.id, r]));
    return {
      candidateId: candidate.id,
      job,
      score: result.score,
      gaps: result.gaps.map((g) => ({ requirement: byId.get(g.requirementId)!, coverage: g.coverage, reason: g.reason as GapReason, shortfall: g.shortfall })),
    };
  }

  async profile(candidateId: string, asOf: Date | null | undefined): Promise<SkillStrength[]> {
    const [candidate] = await this.evidence.load([candidateId]);
    if (!candidate) return [];
    return skillProfile(candidate.evidence, this.halfLife, asOf ?? defaultAsOf(), this.index.config).sort(
      (a, b) => b.strength - a.strength || a.skillId.localeCompare(b.skillId),
    );
  }

  private async explainAll(
    candidateIds: string[],
    engineJob: JobRequirements,
    job: JobObject,
    requirements: JobRequirementObject[],
    asOf: Date,
  ): Promise<Map<string, RequirementMatchObject[]>> {
    const explained = new Map<string, RequirementMatchObject[]>();
    for (const candidate of await this.evidence.load(candidateIds)) {
      const result = matchCandidate(candidate, engineJob, this.taxonomy.similarity, this.halfLife, asOf, this.index.config);
      explained.set(candidate.id, this.toMatchObject(result, job, requirements, candidate).requirements);
    }
    return explained;
  }

  /** The configured mandatory threshold (for summaries). */
  get mandatoryThreshold(): number {
    return this.index.config.mandatoryThreshold;
  }

  private toMatchObject(result: CandidateMatch, job: JobObject, requirements: JobRequirementObject[], candidate: CandidateEvidence): ExplainedMatch {
    const evidenceById = new Map(candidate.evidence.map((e) => [e.id, e]));
    const asOfMs = result.asOf.getTime();
    return {
      candidateId: result.candidateId,
      job,
      score: result.score,
      meetsMandatory: result.meetsMandatory,
      asOf: result.asOf,
      requirements: result.requirements.map(
        (m, i): RequirementMatchObject => ({
          requirement: requirements[i],
          coverage: m.coverage,
          via: m.via as MatchVia,
          matchedSkillId: m.matchedSkillId,
          credentialId: m.credentialId,
          decay: m.decay,
          evidencedAt: m.evidencedAt,
          similarity: m.sim,
          strength: m.strength,
          ...evidenceFields(m.evidenceId ? evidenceById.get(m.evidenceId) : undefined),
          gap: once((): GapReasonValue | null =>
            m.coverage >= 1
              ? null
              : gapReason(candidate.evidence, toRequirement(requirements[i]), this.taxonomy.similarity.similarTo(requirements[i].skillId), asOfMs, this.index.config, m.coverage),
          ),
        }),
      ),
    };
  }

  private async requireJob(jobId: string): Promise<{ job: JobObject; requirements: JobRequirementObject[] }> {
    if (!isUuid(jobId)) throw AppException.notFound('Job', jobId, 'jobId');
    return this.jobs.requireWithRequirements(jobId, 'jobId');
  }

  private async requireCandidate(candidateId: string) {
    const [candidate] = isUuid(candidateId) ? await this.evidence.load([candidateId]) : [];
    if (!candidate) throw AppException.notFound('Candidate', candidateId, 'candidateId');
    return candidate;
  }

  private decodeRankCursor(after: string): { asOf: Date; meetsMandatory: boolean; score: number; candidateId: string } {
    const [asOf, meetsMandatory, score, candidateId] = decodeCursor(after, 'after', 4);
    const date = typeof asOf === 'string' ? new Date(asOf) : null;
    if (!date || Number.isNaN(date.getTime()) || typeof meetsMandatory !== 'boolean' || typeof score !== 'number' || typeof candidateId !== 'string') {
      throw AppException.badInput('after', 'after: malformed cursor');
    }
    return { asOf: date, meetsMandatory, score, candidateId };
  }
}
