import { Injectable } from '@nestjs/common';
import { AppException } from '../common/errors/app.exception';
import { isUuid } from '../common/loaders/group-by';
import { Demographics } from '../domain/fairness/categories';
import { DEFAULT_MIN_SHARE, impactReport, ImpactReport, ScoredPerson } from '../domain/fairness/impact';
import { ShownPeople } from '../domain/fairness/shown';
import { SummaryContext } from '../domain/fairness/summary';
import { JobService } from '../jobs/job.service';
import { MatchIndexService } from '../matching/match-index.service';
import { TaxonomyService } from '../taxonomy/taxonomy.service';
import { BiasAuditSource } from './bias-audit.enum';
import { AUDITED_ROLES, BiasAuditRepository } from './bias-audit.repository';
import { DemographicsObject } from './demographics.object';
import { DemographicsRepository } from './demographics.repository';
import { ImpactReportObject } from './impact-report.object';
import { defaultAsOf } from '../domain/time/start-of-utc-day';

export const MAX_TOP_N = 10_000;
export const MAX_AUDIT_JOBS = 1000;
const DEMOGRAPHICS_BATCH = 10_000;

export interface BiasAuditArgs {
  jobIds: readonly string[] | null;
  from: Date;
  to: Date;
  topN: number;
  minShare: number;
}

/** Demographic self-declarations and bias audits; the ranking itself never sees demographics. */
@Injectable()
export class FairnessService {
  constructor(
    private readonly demographics: DemographicsRepository,
    private readonly records: BiasAuditRepository,
    private readonly jobs: JobService,
    private readonly index: MatchIndexService,
    private readonly taxonomy: TaxonomyService,
  ) {}

  async setDemographics(candidateId: string, input: Demographics): Promise<DemographicsObject> {
    const saved = isUuid(candidateId) ? await this.demographics.upsert(candidateId, input) : null;
    if (!saved) throw AppException.notFound('Candidate', candidateId, 'candidateId');
    return saved;
  }

  /** Ranks every discoverable candidate for the job at asOf (as rankCandidates does), then joins the declarations. */
  async impactReport(jobId: string, topN: number, asOf: Date | null | undefined, minShare: number = DEFAULT_MIN_SHARE): Promise<ImpactReportObject> {
    checkTopN(topN);
    checkMinShare(minShare);
    if (!isUuid(jobId)) throw AppException.notFound('Job', jobId, 'jobId');
    const { job, requirements } = await this.jobs.requireWithRequirements(jobId, 'jobId');
    const at = asOf ?? defaultAsOf();
    await this.index.settled();
    const engineJob = { requirements: requirements.map((r) => ({ id: r.id, skillId: r.skillId, level: r.level, weight: r.weight, mandatory: r.mandatory })) };
    let first = Math.max(1, this.index.index.stats().discoverable);
    let ranked = this.index.index.rank(engineJob, this.taxonomy.similarity, at, { first });
    if (ranked.items.length < ranked.totalCount) {
      first = ranked.totalCount;
      ranked = this.index.index.rank(engineJob, this.taxonomy.similarity, at, { first });
    }
    const people = await this.withDemographics(ranked.items.map((item, i) => ({ candidateId: item.candidateId, score: item.score, position: i + 1 })));
    const report = impactReport(people, { topN, minShare });
    const context: SummaryContext = {
      auditDate: new Date(),
      source: `every discoverable candidate ranked for the job now by the current engine (not historical data: no one was necessarily shown these scores)`,
      period: `scores as of ${at.toISOString()}`,
      jobs: [{ id: job.id, title: job.title }],
    };
    return toObject(report, context, { job, jobs: [job], source: BiasAuditSource.RANKED_NOW, asOf: at, from: null, to: null, recordsRead: null });
  }

  /**
   * The audit over what the tool really did: the ranking audit records of [from, to) for the jobs
   * (null: every job), each person scored counted once per job with the last score shown to them.
   */
  async biasAudit(args: BiasAuditArgs): Promise<ImpactReportObject> {
    checkTopN(args.topN);
    checkMinShare(args.minShare);
    if (!(args.from.getTime() < args.to.getTime())) throw AppException.badInput('to', 'to must be after from');
    if (args.jobIds !== null) {
      if (args.jobIds.length === 0 || args.jobIds.length > MAX_AUDIT_JOBS) throw AppException.badInput('jobIds', `jobIds must list 1 to ${MAX_AUDIT_JOBS} jobs, or be omitted for all`);
      const bad = args.jobIds.find((id) => !isUuid(id));
      if (bad !== undefined) throw AppException.badInput('jobIds', `jobIds: ${JSON.stringify(bad.slice(0, 60))} is not a job id`);
    }
    const shown = new ShownPeople();
    const recordsRead = await this.records.scan(args.jobIds ? [...new Set(args.jobIds)] : null, args.from, args.to, (batch) => batch.forEach((r) => shown.add(r)));
    const people = await this.withDemographics(shown.people());
    const report = impactReport(people, { topN: args.topN, minShare: args.minShare });
    const jobs = await this.records.jobs(args.jobIds ? [...new Set(args.jobIds)] : shown.jobIds());
    const period = `${args.from.toISOString()} to ${args.to.toISOString()} (end exclusive)`;
    const context: SummaryContext = {
      auditDate: new Date(),
      source:
        `historical data: ${recordsRead} ranking audit records (rankings and matches shown to ${AUDITED_ROLES.join(' and ').toLowerCase()} users); ` +
        `each person scored counted once per job with the last score shown; demographics as self-declared at the audit date`,
      period,
      jobs: jobs.map((j) => ({ id: j.id, title: j.title })),
    };
    return toObject(report, context, {
      job: args.jobIds?.length === 1 ? (jobs[0] ?? null) : null,
      jobs,
      source: BiasAuditSource.AUDIT_RECORDS,
      asOf: args.to,
      from: args.from,
      to: args.to,
      recordsRead,
    });
  }

  private async withDemographics(people: readonly Omit<ScoredPerson, 'demographics'>[]): Promise<ScoredPerson[]> {
    const ids = [...new Set(people.map((p) => p.candidateId))];
    const declared = new Map<string, DemographicsObject>();
    for (let i = 0; i < ids.length; i += DEMOGRAPHICS_BATCH) for (const d of await this.demographics.ofCandidates(ids.slice(i, i + DEMOGRAPHICS_BATCH))) declared.set(d.candidateId, d);
    return people.map((p) => {
      const d = declared.get(p.candidateId);
      return { ...p, demographics: { sex: d?.sex ?? null, ethnicity: d?.ethnicity ?? null, ageBand: d?.ageBand ?? null } };
    });
  }
}

function checkTopN(topN: number): void {
  if (!Number.isInteger(topN) || topN < 1 || topN > MAX_TOP_N) throw AppException.badInput('topN', `topN must be between 1 and ${MAX_TOP_N}`);
}

function checkMinShare(minShare: number): void {
  if (!(Number.isFinite(minShare) && minShare >= 0 && minShare < 1)) throw AppException.badInput('minShare', 'minShare must be at least 0 and below 1 (0.02 is 2%)');
}

function toObject(
  report: ImpactReport,
  context: SummaryContext,
  meta: Pick<ImpactReportObject, 'job' | 'jobs' | 'source' | 'asOf' | 'from' | 'to' | 'recordsRead'>,
): ImpactReportObject {
  return {
    ...meta,
    auditDate: context.auditDate,
    topN: report.topN,
    population: report.population,
    medianScore: report.medianScore,
    minShare: report.minShare,
    threshold: report.threshold,
    alpha: report.alpha,
    dimensions: report.dimensions.map((d) => ({
      name: d.name,
      title: d.title,
      categories: [...d.categories],
      unknownCount: d.unknownCount,
      groups: d.groups.map((g) => ({
        values: [...g.values],
        label: g.label,
        count: g.count,
        share: g.share,
        excluded: g.excluded,
        exclusionReason: g.exclusionReason,
        tooSmall: g.excluded,
        topN: g.top,
        aboveMedian: g.aboveMedian,
      })),
    })),
    report,
    context,
  };
}

