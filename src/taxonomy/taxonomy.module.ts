import { Module } from '@nestjs/common';
import { JobsModule } from '../jobs/jobs.module';
import { TaxonomyRepository } from './taxonomy.repository';
import { TaxonomyResolver } from './taxonomy.resolver';
import { TaxonomyService } from './taxonomy.service';

@Module({ imports: [JobsModule], providers: [TaxonomyRepository, TaxonomyService, TaxonomyResolver], exports: [TaxonomyService] })
export class TaxonomyModule {}
