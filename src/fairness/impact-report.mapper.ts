import { AppException } from '../common/errors/app.exception';
import { ImpactReport } from '../domain/fairness/impact';
import { SummaryContext } from '../domain/fairness/summary';
import { ImpactReportObject } from './impact-report.object';

export const MAX_TOP_N = 10_000;
export function checkTopN(topN: number): void {
  if (!Number.isInteger(topN) || topN < 1 || topN > MAX_TOP_N) throw AppException.badInput('topN', `topN must be between 1 and ${MAX_TOP_N}`);
}

export function checkMinShare(minShare: number): void {
  if (!(Number.isFinite(minShare) && minShare >= 0 && minShare < 1)) throw AppException.badInput('minShare', 'minShare must be at least 0 and below 1 (0.02 is 2%)');
}

export function toObject(
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

