import { Module } from '@nestjs/common';
import { AuditLogModule } from '../audit/audit-log.module';
import { JobsModule } from '../jobs/jobs.module';
import { TaxonomyModule } from '../taxonomy/taxonomy.module';
import { CandidateProfileResolver } from './candidate-profile.resolver';
import { MatchEvidenceRepository } from './match-evidence.repository';
import { MatchIndexService } from './match-index.service';
import { MatchingResolver } from './matching.resolver';
import { MatchingService } from './matching.service';
import { RequirementMatchResolver } from './requirement-match.resolver';
import { SkillGapResolver } from './skill-gap.resolver';
import { SkillStrengthResolver } from './skill-strength.resolver';

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
