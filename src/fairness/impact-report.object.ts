import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { ImpactReport } from '../domain/fairness/impact';
import { SummaryContext } from '../domain/fairness/summary';
import { JobObject } from '../jobs/job.object';
import { BiasAuditSource } from './bias-audit.enum';
import { ImpactDimensionObject } from './impact-dimension.object';

@ObjectType('ImpactReport', {
  description:
    "Bias audit over self-declared demographics by the method of NYC Local Law 144's rules (6 RCNY § 5-301): median of everyone scored, scoring rates, impact ratios against the highest-scoring category, unknowns left out and counted, categories under minShare excluded from the ratios; significance beside the four-fifths rule",
})
export class ImpactReportObject {
  @Field(() => JobObject, { nullable: true, description: 'the job, when the report is of one job that still exists' })
  job!: JobObject | null;

  @Field(() => [JobObject], { description: 'the jobs audited that still exist' })
  jobs!: JobObject[];

  @Field(() => BiasAuditSource)
  source!: BiasAuditSource;

  @Field({ description: 'when the report was made' })
  auditDate!: Date;

  @Field({ description: 'RANKED_NOW: the time the ranking was computed for; AUDIT_RECORDS: the end of the period' })
  asOf!: Date;

  @Field(() => Date, { nullable: true, description: 'AUDIT_RECORDS: the start of the period (inclusive)' })
  from!: Date | null;

  @Field(() => Date, { nullable: true, description: 'AUDIT_RECORDS: the end of the period (exclusive)' })
  to!: Date | null;

  @Field(() => Int, { nullable: true, description: 'AUDIT_RECORDS: ranking audit records read' })
  recordsRead!: number | null;

  @Field(() => Int, { description: 'the N of the selection-rate view: min(topN, population)' })
  topN!: number;

  @Field(() => Int, { description: 'everyone scored (unknowns included); for AUDIT_RECORDS each person once per job' })
  population!: number;

  @Field(() => Float, { description: 'the median score of everyone scored' })
  medianScore!: number;

  @Field(() => Float, { description: 'categories under this share of everyone scored are excluded from the impact ratios' })
  minShare!: number;

  @Field(() => Float, { description: 'the four-fifths threshold' })
  threshold!: number;

  @Field(() => Float, { description: 'significance level of the tests' })
  alpha!: number;

  @Field(() => [ImpactDimensionObject])
  dimensions!: ImpactDimensionObject[];

  /** the engine's report and the summary's particulars, for `summary` */
  report!: ImpactReport;
  context!: SummaryContext;
}
