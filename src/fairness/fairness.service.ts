import { Injectable } from '@nestjs/common';
import { AppException } from '../common/errors/app.exception';
import { isUuid } from '../common/loaders/group-by';
import { Demographics } from '../domain/fairness/categories';
import { DEFAULT_MIN_SHARE, impactReport } from '../domain/fairness/impact';
import { SummaryContext } from '../domain/fairness/summary';
import { JobService } from '../jobs/job.service';
import { MatchIndexService } from '../matching/match-index.service';
import { TaxonomyService } from '../taxonomy/taxonomy.service';
import { BiasAuditSource } from './bias-audit.enum';
import { DemographicsObject } from './demographics.object';
import { DemographicsRepository } from './demographics.repository';
import { ImpactReportObject } from './impact-report.object';
import { defaultAsOf } from '../domain/time/start-of-utc-day';
import { checkMinShare, checkTopN, toObject } from './impact-report.mapper';

/** Demographic self-declarations and the bias audit of a job ranked now; the ranking itself never sees demographics. */
@Injectable()
export class FairnessService {
  constructor(
    private readonly demographics: DemographicsRepository,
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
    const people = await this.demographics.join(ranked.items.map((item, i) => ({ candidateId: item.candidateId, score: item.score, position: i + 1 })));
    const report = impactReport(people, { topN, minShare });
    const context: SummaryContext = {
      auditDate: new Date(),
      source: `every discoverable candidate ranked for the job now by the current engine (not historical data: no one was necessarily shown these scores)`,
      period: `scores as of ${at.toISOString()}`,
      jobs: [{ id: job.id, title: job.title }],
    };
    return toObject(report, context, { job, jobs: [job], source: BiasAuditSource.RANKED_NOW, asOf: at, from: null, to: null, recordsRead: null });
  }

}
