import { Module } from '@nestjs/common';
import { JobsModule } from '../jobs/jobs.module';
import { OccupationRepository } from './occupation.repository';
import { OccupationResolver } from './occupation.resolver';
import { OccupationService } from './occupation.service';

@Module({ imports: [JobsModule], providers: [OccupationRepository, OccupationService, OccupationResolver] })
export class OccupationsModule {}
