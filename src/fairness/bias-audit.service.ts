import { Injectable } from '@nestjs/common';
import { AppException } from '../common/errors/app.exception';
import { isUuid } from '../common/loaders/group-by';
import { impactReport } from '../domain/fairness/impact';
import { ShownPeople } from '../domain/fairness/shown';
import { SummaryContext } from '../domain/fairness/summary';
import { BiasAuditSource } from './bias-audit.enum';
import { AUDITED_ROLES, BiasAuditRepository } from './bias-audit.repository';
import { DemographicsRepository } from './demographics.repository';
import { ImpactReportObject } from './impact-report.object';
import { checkMinShare, checkTopN, toObject } from './impact-report.mapper';

export const MAX_AUDIT_JOBS = 1000;

export interface BiasAuditRequest {
  jobIds: readonly string[] | null;
  from: Date;
  to: Date;
  topN: number;
  minShare: number;
}

/**
 * Bias audits over what the tool really did (historical data): reads only the ranking audit
 * records and the declarations, so it needs no match index (npm run audit:bias builds it on a bare
 * DataSource).
 */
@Injectable()
export class BiasAuditService {
  constructor(
    private readonly records: BiasAuditRepository,
    private readonly demographics: DemographicsRepository,
  ) {}

  /**
   * The audit over what the tool really did: the ranking audit records of [from, to) for the jobs
   * (null: every job), each person scored counted once per job with the last score shown to them.
   */
  async biasAudit(args: BiasAuditRequest): Promise<ImpactReportObject> {
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
    const people = await this.demographics.join(shown.people());
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
}
