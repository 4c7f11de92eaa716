import { Module } from '@nestjs/common';
import { CredentialsModule } from '../credentials/credentials.module';
import { SkillsModule } from '../skills/skills.module';
import { CandidateRepository } from './candidate.repository';
import { CandidateResolver } from './candidate.resolver';
import { CandidateService } from './candidate.service';
import { EarnedCredentialResolver } from './earned-credential.resolver';
import { SkillEvidenceResolver } from './skill-evidence.resolver';

@Module({
  imports: [SkillsModule, CredentialsModule],
  providers: [CandidateRepository, CandidateService, CandidateResolver, EarnedCredentialResolver, SkillEvidenceResolver],
  exports: [CandidateService, CandidateRepository],
})
export class CandidatesModule {}
