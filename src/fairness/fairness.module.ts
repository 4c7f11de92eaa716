import { Module, OnModuleInit } from '@nestjs/common';
import { indexRows } from '../common/loaders/group-by';
import { LoaderRegistry } from '../common/loaders/loader-registry.service';
import { JobsModule } from '../jobs/jobs.module';
import { MatchingModule } from '../matching/matching.module';
import { TaxonomyModule } from '../taxonomy/taxonomy.module';
import { BiasAuditRepository } from './bias-audit.repository';
import { BiasAuditService } from './bias-audit.service';
import { DemographicsRepository } from './demographics.repository';
import { DEMOGRAPHICS_BY_CANDIDATE, FairnessResolver } from './fairness.resolver';
import { FairnessService } from './fairness.service';
import { ImpactReportResolver } from './impact-report.resolver';

/** Self-declared demographics (kept apart from matching data) and the bias audits (impactReport, biasAudit). */
@Module({
  imports: [MatchingModule, JobsModule, TaxonomyModule],
  providers: [DemographicsRepository, BiasAuditRepository, BiasAuditService, FairnessService, FairnessResolver, ImpactReportResolver],
})
export class FairnessModule implements OnModuleInit {
  constructor(
    private readonly loaders: LoaderRegistry,
    private readonly demographics: DemographicsRepository,
  ) {}

  onModuleInit(): void {
    this.loaders.register(DEMOGRAPHICS_BY_CANDIDATE, async (ids) => indexRows(ids, await this.demographics.ofCandidates(ids), (d) => d.candidateId));
  }
}
