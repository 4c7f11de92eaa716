import { Module } from '@nestjs/common';
import { SkillsModule } from '../skills/skills.module';
import { JobRepository } from './job.repository';
import { JobRequirementResolver } from './job-requirement.resolver';
import { JobResolver } from './job.resolver';
import { JobService } from './job.service';

@Module({
  imports: [SkillsModule],
  providers: [JobRepository, JobService, JobResolver, JobRequirementResolver],
  exports: [JobService, JobRepository],
})
export class JobsModule {}
