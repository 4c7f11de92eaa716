import { Injectable } from '@nestjs/common';
import { AppException } from '../common/errors/app.exception';
import { isUuid } from '../common/loaders/group-by';
import { Demographics } from '../domain/fairness/categories';
import { impactReport } from '../domain/fairness/impact';
import { JobService } from '../jobs/job.service';
import { MatchIndexService } from '../matching/match-index.service';
import { TaxonomyService } from '../taxonomy/taxonomy.service';
import { DemographicsRepository } from './demographics.repository';
import { DemographicsObject } from './demographics.object';
import { ImpactReportObject } from './impact-report.object';
import { defaultAsOf } from '../domain/time/start-of-utc-day';

export const MAX_TOP_N = 10_000;

/** Demographic self-declarations and the adverse-impact report; the ranking itself never sees demographics. */
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
  async impactReport(jobId: string, topN: number, asOf: Date | null | undefined): Promise<ImpactReportObject> {
    if (!Number.isInteger(topN) || topN < 1 || topN > MAX_TOP_N) throw AppException.badInput('topN', `topN must be between 1 and ${MAX_TOP_N}`);
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
    const declared = new Map((await this.demographics.ofCandidates(ranked.items.map((i) => i.candidateId))).map((d) => [d.candidateId, d]));
    const report = impactReport(
      ranked.items.map((item) => {
        const d = declared.get(item.candidateId);
        return { candidateId: item.candidateId, score: item.score, demographics: { sex: d?.sex ?? null, ethnicity: d?.ethnicity ?? null, ageBand: d?.ageBand ?? null } };
      }),
      { topN },
    );
    return {
      job,
      asOf: at,
      topN: report.topN,
      population: report.population,
      medianScore: report.medianScore,
      minGroupSize: report.minGroupSize,
      threshold: report.threshold,
      dimensions: report.dimensions.map((d) => ({
        name: d.name,
        categories: [...d.categories],
        groups: d.groups.map((g) => ({ values: [...g.values], label: g.label, count: g.count, tooSmall: g.tooSmall, topN: g.top, aboveMedian: g.aboveMedian })),
      })),
    };
  }
}
