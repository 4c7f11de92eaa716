import { Module } from '@nestjs/common';
import { CandidatesModule } from '../candidates/candidates.module';
import { CredentialsModule } from '../credentials/credentials.module';
import { SkillsModule } from '../skills/skills.module';
import { TaxonomyModule } from '../taxonomy/taxonomy.module';
import { BadgeImportResolver } from './badge-import.resolver';
import { BadgeImportService } from './badge-import.service';
import { BadgeRepository } from './badge.repository';
import { InMemoryTrustedKeyStore } from './trusted-key-store';

/** Importing Open Badges / CLR credentials: offline verification (./verification), mapping to the catalogue and skills. */
@Module({
  imports: [CandidatesModule, CredentialsModule, SkillsModule, TaxonomyModule],
  providers: [BadgeRepository, InMemoryTrustedKeyStore, BadgeImportService, BadgeImportResolver],
  exports: [BadgeImportService, InMemoryTrustedKeyStore],
})
export class BadgesModule {}
