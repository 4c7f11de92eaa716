import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { biasAuditSummary } from '../domain/fairness/summary';
import { BiasSummaryFormat } from './bias-audit.enum';
import { ImpactReportObject } from './impact-report.object';

@Resolver(() => ImpactReportObject)
export class ImpactReportResolver {
  @ResolveField(() => String, {
    description:
      'The summary an employer can publish: audit date, source and period of the data, people scored, unknowns left out, each category with its count, scoring rate and impact ratio, excluded categories with their reason, significance; sex, race/ethnicity and their intersection',
  })
  summary(@Parent() report: ImpactReportObject, @Args('format', { type: () => BiasSummaryFormat, defaultValue: BiasSummaryFormat.MARKDOWN }) format: BiasSummaryFormat): string {
    return biasAuditSummary(report.report, report.context, format);
  }
}
