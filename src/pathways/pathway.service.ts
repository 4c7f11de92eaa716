import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CandidateRepository } from '../candidates/candidate.repository';
import { AppException } from '../common/errors/app.exception';
import { isUuid } from '../common/loaders/group-by';
import { LoaderRegistry } from '../common/loaders/loader-registry.service';
import { assertAllExist, assertDistinct } from '../common/validation/reference-checks';
import { CredentialRepository } from '../credentials/credential.repository';
import { TransactionService } from '../database/transaction.service';
import { CandidateEvidence } from '../domain/matching/match-types';
import { describePathway, planPathway } from '../domain/pathways/plan-pathway';
import { PlanStepResult, RenewalOption, RequirementContribution } from '../domain/pathways/pathway.types';
import { recommendCredentials } from '../domain/pathways/recommend';
import { findRenewals } from '../domain/pathways/renewals';
import { findOrderViolation } from '../domain/pathways/validate-order';
import { JobRepository } from '../jobs/job.repository';
import { JobService } from '../jobs/job.service';
import { MatchEvidenceRepository } from '../matching/match-evidence.repository';
import { MatchIndexService } from '../matching/match-index.service';
import { TaxonomyService } from '../taxonomy/taxonomy.service';
import { CredentialRecommendationObject } from './credential-recommendation.object';
import { PathwayCatalogueService } from './pathway-catalogue.service';
import { PathwayPlanObject } from './pathway-plan.object';
import {
  EarnedCredentialRow,
  PathwayCatalogue,
  ProblemRequirement,
  buildPathwayProblem,
  contributionsFor,
  heldCredentialIds,
  pathwayProgress,
  renewalCatalogue,
  renewalEvidence,
  renewalHeld,
} from './pathway-problem.builder';
import { PathwayStepObject } from './pathway-step.object';
import { PATHWAY_VIEW, PathwayView } from './pathway.loaders';
import { PathwayObject } from './pathway.object';
import { PathwayRepository } from './pathway.repository';
import { PathwayEntity } from './pathway.entity';
import { PlanPathwayInput } from './plan-pathway.input';
import { RecommendCredentialsArgs } from './recommend-credentials.args';
import { RenewalOptionObject } from './renewal-option.object';
import { RenewalsArgs } from './renewals.args';
import { RenewalsObject } from './renewals.object';
import { SavePathwayInput } from './save-pathway.input';
import { RenewalReason } from './skill-renewal.object';
import { UpdatePathwayInput } from './update-pathway.input';
import { defaultAsOf } from '../domain/time/start-of-utc-day';

/**
 * Strength (level x confidence x decay, 0..5) below which a skill no longer counts as useful for
 * renewals: 2, i.e. less than a fresh level-2 ("basic working") proof of it.
 */
export const USEFUL_STRENGTH = 2;

function toPathwayObject(entity: PathwayEntity, credentialIds: string[]): PathwayObject {
  return {
    id: entity.id,
    name: entity.name,
    candidateId: entity.candidateId,
    jobId: entity.jobId,
    credentialIds,
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
  };
}

function toStepObject(s: PlanStepResult): PathwayStepObject {
  return {
    position: s.position,
    credentialId: s.credentialId,
    projectedScore: s.projectedScore,
    cumulativeHours: s.cumulativeHours,
    cumulativeCost: s.cumulativeCost,
    earnsStackIds: [...s.earnsStackIds],
  };
}

function toRenewalOption(o: RenewalOption | null): RenewalOptionObject | null {
  return o ? { credentialId: o.credentialId, hours: o.hours, cost: o.cost, prerequisitesMissingIds: [...o.prerequisitesMissingIds] } : null;
}

function toEarnedRows(rows: readonly { candidateId: string; credentialId: string; issuedAt: Date; expiresAt: Date | null; verification: EarnedCredentialRow['verification'] }[]) {
  return rows.map((r) => ({
    candidateId: r.candidateId,
    credentialId: r.credentialId,
    issuedAt: new Date(r.issuedAt),
    expiresAt: r.expiresAt ? new Date(r.expiresAt) : null,
    verification: r.verification,
  }));
}

/**
 * Recommendations, plans, saved pathways and renewals: loads the job, the candidate's evidence and
 * credentials and the cached catalogue, builds the engines' problem (pathway-problem.builder.ts),
 * calls the pure engines in src/domain/pathways and maps their results. Every mutation is one
 * transaction.
 */
@Injectable()
export class PathwayService implements OnModuleInit {
  constructor(
    private readonly pathways: PathwayRepository,
    private readonly catalogue: PathwayCatalogueService,
    private readonly jobs: JobService,
    private readonly jobRepository: JobRepository,
    private readonly candidates: CandidateRepository,
    private readonly credentials: CredentialRepository,
    private readonly evidence: MatchEvidenceRepository,
    private readonly taxonomy: TaxonomyService,
    private readonly matchIndex: MatchIndexService,
    private readonly transactions: TransactionService,
    private readonly loaders: LoaderRegistry,
  ) {}

  private halfLife = (skillId: string): number => this.taxonomy.halfLifeOf(skillId);

  onModuleInit(): void {
    this.loaders.register(PATHWAY_VIEW, (pathways) => this.describeMany(pathways));
  }

  // ------------------------------------------------------------------ queries

  async recommend(args: RecommendCredentialsArgs): Promise<CredentialRecommendationObject[]> {
    const asOf = args.asOf ?? defaultAsOf();
    const { problem, requirements, jobRequirements } = await this.problemFor(args.candidateId, 'candidateId', args.jobId, 'jobId', asOf);
    const skillOf = new Map(requirements.map((r) => [r.id, r.skillId]));
    const requirementById = new Map(jobRequirements.map((r) => [r.id, r]));
    return recommendCredentials(problem, { first: args.first, maxHours: args.maxHours ?? null, maxCost: args.maxCost ?? null, orderBy: args.orderBy ?? null }).map((r) => ({
      credentialId: r.credentialId,
      scoreGain: r.scoreGain,
      projectedScore: r.projectedScore,
      hours: r.hours,
      cost: r.cost,
      closesSkillIds: [...new Set(r.closesRequirementIds.map((id) => skillOf.get(id) as string))],
      raises: r.raises.map((x) => ({ requirement: requirementById.get(x.requirementId)!, before: x.before, after: x.after })),
      prerequisitesMissingIds: r.prerequisitesMissingIds,
      completesStackIds: r.completesStackIds,
    }));
  }

  async plan(input: PlanPathwayInput): Promise<PathwayPlanObject> {
    const asOf = input.asOf ?? defaultAsOf();
    const { problem, job } = await this.problemFor(input.candidateId, 'input.candidateId', input.jobId, 'input.jobId', asOf);
    const result = await planPathway(problem, {
      jobTitle: job.title,
      targetScore: input.targetScore,
      maxHours: input.maxHours ?? null,
      maxCost: input.maxCost ?? null,
      minimize: input.minimize,
    });
    return {
      startScore: result.startScore,
      finalScore: result.finalScore,
      reachesTarget: result.reachesTarget,
      totalHours: result.totalHours,
      totalCost: result.totalCost,
      optimal: result.optimal,
      steps: result.steps.map(toStepObject),
      mermaid: result.mermaid,
      greedyTotalHours: result.greedy.totalHours,
      greedyTotalCost: result.greedy.totalCost,
      greedyFinalScore: result.greedy.finalScore,
    };
  }

  async findById(id: string): Promise<PathwayObject | null> {
    if (!isUuid(id)) return null;
    return (await this.withSteps(await this.pathways.findByIds([id])))[0] ?? null;
  }

  async listByCandidate(candidateId: string): Promise<PathwayObject[]> {
    const [candidate] = isUuid(candidateId) ? await this.candidates.findByIds([candidateId]) : [];
    if (!candidate) throw AppException.notFound('Candidate', candidateId, 'candidateId');
    return this.withSteps(await this.pathways.findByCandidate(candidateId));
  }

  async renewals(args: RenewalsArgs): Promise<RenewalsObject> {
    const asOf = args.asOf ?? defaultAsOf();
    const candidate = await this.requireCandidateEvidence(args.candidateId, 'candidateId');
    const earned = toEarnedRows(await this.candidates.earnedCredentialsOf([candidate.id]));
    const catalogue = await this.catalogue.get();
    const result = findRenewals({
      asOf,
      horizonMonths: args.horizonMonths,
      usefulLevel: USEFUL_STRENGTH,
      evidence: renewalEvidence(candidate.evidence, this.halfLife, this.matchIndex.config, asOf, args.horizonMonths),
      held: renewalHeld(earned, asOf),
      catalogue: renewalCatalogue(catalogue),
      minimize: 'COST',
    });
    return {
      candidateId: candidate.id,
      asOf,
      horizonMonths: args.horizonMonths,
      usefulStrength: USEFUL_STRENGTH,
      skills: result.skills.map((s) => ({
        skillId: s.skillId,
        strengthNow: s.strengthNow,
        strengthAtHorizon: s.strengthAtHorizon,
        reason: s.reason as RenewalReason,
        fallsBelowAt: s.fallsBelowAt,
        credentialId: s.credentialId,
        renewal: toRenewalOption(s.renewal),
      })),
      lapsed: result.lapsed.map((s) => ({
        skillId: s.skillId,
        strengthThen: s.strengthThen,
        strengthNow: s.strengthNow,
        reason: s.reason as RenewalReason,
        fellBelowAt: s.fellBelowAt,
        credentialId: s.credentialId,
        renewal: toRenewalOption(s.renewal),
      })),
      credentials: result.credentials.map((c) => ({ credentialId: c.credentialId, expiresAt: c.expiresAt, renewal: toRenewalOption(c.renewal) })),
    };
  }

  // ------------------------------------------------------------------ mutations

  /** `createdBy`: the caller's sub; only they (or an ADMIN) may update or delete a template. */
  async save(input: SavePathwayInput, createdBy: string): Promise<PathwayObject> {
    const catalogue = await this.catalogue.get(); // outside the transaction: on PGlite it holds the only connection
    return this.transactions.run(async ({ manager }) => {
      const candidateId = input.candidateId ?? null;
      const jobId = input.jobId ?? null;
      if (candidateId) {
        const [candidate] = await this.candidates.findByIds([candidateId], manager);
        if (!candidate) throw AppException.notFound('Candidate', candidateId, 'input.candidateId');
      }
      if (jobId) await this.requireJobRow(jobId, 'input.jobId', manager);
      const ids = await this.checkSteps(input.credentialIds, candidateId, catalogue, manager);
      const saved = await this.pathways.save({ name: input.name.trim(), candidateId, jobId, createdBy }, manager);
      await this.pathways.replaceSteps(saved.id, ids, manager);
      return toPathwayObject(saved, ids);
    });
  }

  async update(input: UpdatePathwayInput): Promise<PathwayObject> {
    const catalogue = await this.catalogue.get();
    return this.transactions.run(async ({ manager }) => {
      const [current] = await this.pathways.findByIds([input.id], manager);
      if (!current) throw AppException.notFound('Pathway', input.id, 'input.id');
      if (input.jobId) await this.requireJobRow(input.jobId, 'input.jobId', manager);
      const ids = input.credentialIds
        ? await this.checkSteps(input.credentialIds, current.candidateId, catalogue, manager)
        : (await this.pathways.stepsOf([current.id], manager)).map((s) => s.credentialId);
      const saved = await this.pathways.save(
        {
          ...current,
          name: input.name?.trim() ?? current.name,
          jobId: input.jobId !== undefined ? input.jobId : current.jobId,
          updatedAt: new Date(),
        },
        manager,
      );
      if (input.credentialIds) await this.pathways.replaceSteps(saved.id, ids, manager);
      return toPathwayObject(saved, ids);
    });
  }

  delete(id: string): Promise<string> {
    return this.transactions.run(async ({ manager }) => {
      const [current] = isUuid(id) ? await this.pathways.findByIds([id], manager) : [];
      if (!current) throw AppException.notFound('Pathway', id, 'id');
      await this.pathways.delete(id, manager);
      return id;
    });
  }

  // ------------------------------------------------------------------ saved pathways, read side

  /**
   * Views of saved pathways (one batch per request): the job's requirements, each candidate's
   * coverage and held credentials now, the catalogue; steps, scores and Mermaid from
   * describePathway. Without a job there are no requirements, so every projected score is 0;
   * without a candidate the coverage starts at 0 and nothing is held (progress 0).
   */
  async describeMany(pathways: readonly PathwayObject[]): Promise<PathwayView[]> {
    const now = defaultAsOf();
    const catalogue = await this.catalogue.get();
    const candidateIds = [...new Set(pathways.map((p) => p.candidateId).filter((id): id is string => !!id))];
    const jobIds = [...new Set(pathways.map((p) => p.jobId).filter((id): id is string => !!id))];
    const evidence = new Map((candidateIds.length ? await this.evidence.load(candidateIds) : []).map((c) => [c.id, c]));
    const earnedBy = new Map<string, EarnedCredentialRow[]>();
    for (const e of toEarnedRows(await this.candidates.earnedCredentialsOf(candidateIds))) {
      const list = earnedBy.get(e.candidateId);
      if (list) list.push(e);
      else earnedBy.set(e.candidateId, [e]);
    }
    const jobTitles = new Map((jobIds.length ? await this.jobRepository.findByIds(jobIds) : []).map((j) => [j.id, j.title]));
    const requirementsBy = new Map<string, ProblemRequirement[]>();
    for (const r of await this.jobRepository.requirementsOf(jobIds)) {
      const list = requirementsBy.get(r.jobId) ?? [];
      list.push({ id: r.id, skillId: r.skillId, level: r.level, weight: r.weight, mandatory: r.mandatory });
      requirementsBy.set(r.jobId, list);
    }
    const contributionsBy = new Map<string, Map<string, RequirementContribution[]>>();

    return pathways.map((p) => {
      const requirements = (p.jobId && requirementsBy.get(p.jobId)) || [];
      let contributions = p.jobId ? contributionsBy.get(p.jobId) : undefined;
      if (!contributions) {
        contributions = contributionsFor(requirements, catalogue, this.taxonomy.similarity);
        if (p.jobId) contributionsBy.set(p.jobId, contributions);
      }
      const candidate = (p.candidateId && evidence.get(p.candidateId)) || null;
      const problem = buildPathwayProblem({
        requirements,
        candidate,
        earned: candidate ? (earnedBy.get(candidate.id) ?? []) : [],
        catalogue,
        similarity: this.taxonomy.similarity,
        halfLife: this.halfLife,
        config: this.matchIndex.config,
        asOf: now,
        contributions,
      });
      const jobTitle = p.jobId ? jobTitles.get(p.jobId) : undefined;
      const last0 = p.credentialIds.length;
      const described = describePathway(problem, p.credentialIds, `${p.name}${jobTitle ? ` for ${jobTitle}` : ''}: ${last0} step${last0 === 1 ? '' : 's'}`);
      const last = described.steps[described.steps.length - 1];
      const held = new Set(problem.heldCredentialIds);
      return {
        steps: described.steps.map(toStepObject),
        startScore: described.startScore,
        projectedScore: described.finalScore,
        totalHours: last ? last.cumulativeHours : 0,
        totalCost: last ? last.cumulativeCost : 0,
        progress: pathwayProgress(
          p.credentialIds.map((id) => ({ credentialId: id, hours: catalogue.byId.get(id)?.hours ?? 0 })),
          held,
        ),
        mermaid: described.mermaid,
      };
    });
  }

  // ------------------------------------------------------------------ internals

  private async withSteps(entities: PathwayEntity[]): Promise<PathwayObject[]> {
    const steps = await this.pathways.stepsOf(entities.map((e) => e.id));
    const by = new Map<string, string[]>();
    for (const s of steps) {
      const list = by.get(s.pathwayId);
      if (list) list.push(s.credentialId);
      else by.set(s.pathwayId, [s.credentialId]);
    }
    return entities.map((e) => toPathwayObject(e, by.get(e.id) ?? []));
  }

  /** The engines' problem for a candidate and a job at asOf; NOT_FOUND naming the field for unknown ids. */
  private async problemFor(candidateId: string, candidateField: string, jobId: string, jobField: string, asOf: Date) {
    if (!isUuid(jobId)) throw AppException.notFound('Job', jobId, jobField);
    const { job, requirements: jobRequirements } = await this.jobs.requireWithRequirements(jobId, jobField);
    const candidate = await this.requireCandidateEvidence(candidateId, candidateField);
    const earned = toEarnedRows(await this.candidates.earnedCredentialsOf([candidate.id]));
    const catalogue = await this.catalogue.get();
    const requirements: ProblemRequirement[] = jobRequirements.map((r) => ({ id: r.id, skillId: r.skillId, level: r.level, weight: r.weight, mandatory: r.mandatory }));
    const problem = buildPathwayProblem({
      requirements,
      candidate,
      earned,
      catalogue,
      similarity: this.taxonomy.similarity,
      halfLife: this.halfLife,
      config: this.matchIndex.config,
      asOf,
    });
    return { problem, requirements, jobRequirements, job };
  }

  private async requireCandidateEvidence(candidateId: string, field: string): Promise<CandidateEvidence> {
    const [candidate] = isUuid(candidateId) ? await this.evidence.load([candidateId]) : [];
    if (!candidate) throw AppException.notFound('Candidate', candidateId, field);
    return candidate;
  }

  private async requireJobRow(jobId: string, field: string, manager: EntityManager): Promise<void> {
    const [job] = await this.jobRepository.findByIds([jobId], manager);
    if (!job) throw AppException.notFound('Job', jobId, field);
  }

  /**
   * Checks a pathway's ordered credential ids: well-formed, distinct, existing, and in an order
   * the candidate can follow (findOrderViolation: every prerequisite, or a stack's components,
   * held by the candidate now or earlier in the list). Returns the ids.
   */
  private async checkSteps(ids: readonly string[], candidateId: string | null, cached: PathwayCatalogue, manager: EntityManager): Promise<string[]> {
    const field = 'input.credentialIds';
    ids.forEach((id, i) => {
      if (!isUuid(id)) throw AppException.badInput(`${field}[${i}]`, `${field}[${i}]: ${id} is not a credential id`);
    });
    assertDistinct(ids, field, 'credential');
    const existing = new Set((await this.credentials.findByIds(ids, manager)).map((c) => c.id));
    assertAllExist(ids, existing, 'Credential', field);
    const catalogue = ids.every((id) => cached.byId.has(id)) ? cached : await this.catalogue.load(manager);
    const held = candidateId ? heldCredentialIds(toEarnedRows(await this.candidates.earnedCredentialsOf([candidateId], manager)), new Date()) : [];
    const violation = findOrderViolation(ids, catalogue.credentials, held);
    if (violation) {
      const i = ids.indexOf(violation.credentialId);
      const credential = catalogue.byId.get(violation.credentialId);
      const needed = catalogue.byId.get(violation.prerequisiteId);
      const name = (id: string, c: { name: string } | undefined) => `"${c?.name ?? id}" (${id})`;
      const isComponent = !!credential && !credential.prerequisiteIds.includes(violation.prerequisiteId);
      const required = credential?.requiredComponents ?? credential?.componentIds.length ?? 0;
      const what = !isComponent
        ? 'its prerequisite'
        : required < (credential?.componentIds.length ?? 0)
          ? `${required} of its ${credential?.componentIds.length} components, such as`
          : 'its component';
      const where =
        violation.kind === 'AFTER'
          ? `but it comes later in the pathway (input.credentialIds[${ids.indexOf(violation.prerequisiteId)}])`
          : candidateId
            ? 'but it is neither earlier in the pathway nor held by the candidate'
            : 'but it is not earlier in the pathway (and the pathway has no candidate who could hold it)';
      throw AppException.badInput(
        `${field}[${i}]`,
        `${field}[${i}]: ${name(violation.credentialId, credential)} needs ${what} ${name(violation.prerequisiteId, needed)} first, ${where}`,
        { credentialId: violation.credentialId, prerequisiteId: violation.prerequisiteId, kind: violation.kind },
      );
    }
    return [...ids];
  }
}
