import { Module, OnModuleInit } from '@nestjs/common';
import { indexRows } from '../common/loaders/group-by';
import { LoaderRegistry } from '../common/loaders/loader-registry.service';
import { JobsModule } from '../jobs/jobs.module';
import { MatchingModule } from '../matching/matching.module';
import { TaxonomyModule } from '../taxonomy/taxonomy.module';
import { DemographicsRepository } from './demographics.repository';
import { DEMOGRAPHICS_BY_CANDIDATE, FairnessResolver } from './fairness.resolver';
import { FairnessService } from './fairness.service';

/** Self-declared demographics (kept apart from matching data) and the adverse-impact report. */
@Module({
  imports: [MatchingModule, JobsModule, TaxonomyModule],
  providers: [DemographicsRepository, FairnessService, FairnessResolver],
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
