import { Module } from '@nestjs/common';
import { CandidatesModule } from '../candidates/candidates.module';
import { CredentialsModule } from '../credentials/credentials.module';
import { JobsModule } from '../jobs/jobs.module';
import { MatchEvidenceRepository } from '../matching/match-evidence.repository';
import { MatchingModule } from '../matching/matching.module';
import { TaxonomyModule } from '../taxonomy/taxonomy.module';
import { CredentialRecommendationResolver } from './credential-recommendation.resolver';
import { CredentialRenewalResolver } from './credential-renewal.resolver';
import { PathwayCatalogueService } from './pathway-catalogue.service';
import { PathwaySolverWarmUp } from './pathway-solver-warm-up.service';
import { PathwayStepResolver } from './pathway-step.resolver';
import { PathwayRepository } from './pathway.repository';
import { PathwayResolver } from './pathway.resolver';
import { PathwayService } from './pathway.service';
import { RenewalOptionResolver } from './renewal-option.resolver';
import { RenewalsResolver } from './renewals.resolver';
import { SkillRenewalResolver } from './skill-renewal.resolver';
import { LapsedSkillResolver } from './lapsed-skill.resolver';

/** Issue 5: credential recommendations, pathway planning, saved pathways and renewals over the engines in src/domain/pathways. */
@Module({
  imports: [JobsModule, CandidatesModule, CredentialsModule, TaxonomyModule, MatchingModule],
  providers: [
    MatchEvidenceRepository,
    PathwayRepository,
    PathwayCatalogueService,
    PathwayService,
    PathwaySolverWarmUp,
    PathwayResolver,
    PathwayStepResolver,
    CredentialRecommendationResolver,
    RenewalsResolver,
    SkillRenewalResolver,
    LapsedSkillResolver,
    CredentialRenewalResolver,
    RenewalOptionResolver,
  ],
  exports: [PathwayService, PathwayCatalogueService],
})
export class PathwaysModule {}
