import { Module } from '@nestjs/common';
import { AuditLogModule } from '../audit/audit-log.module';
import { JobsModule } from '../jobs/jobs.module';
import { TaxonomyModule } from '../taxonomy/taxonomy.module';
import { MatchEvidenceRepository } from './match-evidence.repository';
import { MatchIndexService } from './match-index.service';
import {
  CandidateProfileResolver,
  MatchingResolver,
  RequirementMatchResolver,
  SkillGapResolver,
  SkillStrengthResolver,
} from './matching.resolver';
import { MatchingService } from './matching.service';

@Module({
  imports: [JobsModule, TaxonomyModule, AuditLogModule],
  providers: [
    MatchEvidenceRepository,
    MatchIndexService,
    MatchingService,
    MatchingResolver,
    RequirementMatchResolver,
    SkillGapResolver,
    CandidateProfileResolver,
    SkillStrengthResolver,
  ],
  exports: [MatchingService, MatchIndexService],
})
export class MatchingModule {}
