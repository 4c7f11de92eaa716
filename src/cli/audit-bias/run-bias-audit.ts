import { DataSource } from 'typeorm';
import { AppException } from '../../common/errors/app.exception';
import { biasAuditSummary } from '../../domain/fairness/summary';
import { BiasAuditRepository } from '../../fairness/bias-audit.repository';
import { BiasAuditService } from '../../fairness/bias-audit.service';
import { DemographicsRepository } from '../../fairness/demographics.repository';
import { BiasAuditCli } from './audit-bias-args';

/** The published summary of the audit over the ranking audit records (reads only; the same service as the biasAudit query). */
export async function runBiasAudit(dataSource: DataSource, cli: BiasAuditCli): Promise<string> {
  const service = new BiasAuditService(new BiasAuditRepository(dataSource), new DemographicsRepository(dataSource));
  try {
    const report = await service.biasAudit(cli.request);
    return biasAuditSummary(report.report, report.context, cli.format);
  } catch (error) {
    if (error instanceof AppException) throw new Error(error.message);
    throw error;
  }
}
