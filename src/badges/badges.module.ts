import { Module } from '@nestjs/common';
import { CandidatesModule } from '../candidates/candidates.module';
import { CredentialsModule } from '../credentials/credentials.module';
import { SkillsModule } from '../skills/skills.module';
import { TaxonomyModule } from '../taxonomy/taxonomy.module';
import { BadgeImportResolver } from './badge-import.resolver';
import { BadgeImportService } from './badge-import.service';
import { BadgeRepository } from './badge.repository';
import { IssuerKeyRepository } from './issuer-key.repository';
import { IssuerKeyResolver } from './issuer-key.resolver';
import { IssuerKeyService } from './issuer-key.service';
import { DatabaseTrustedKeyStore } from './trusted-key-store';
import { TrustListResolver } from './trust-list.resolver';
import { TrustListService } from './trust-list.service';

/**
 * Importing Open Badges / CLR credentials: offline verification (./verification), mapping to the catalogue and skills;
 * the ADMIN trust store of issuer keys (registerIssuerKey).
 */
@Module({
  imports: [CandidatesModule, CredentialsModule, SkillsModule, TaxonomyModule],
  providers: [
    BadgeRepository,
    IssuerKeyRepository,
    DatabaseTrustedKeyStore,
    IssuerKeyService,
    BadgeImportService,
    BadgeImportResolver,
    IssuerKeyResolver,
    TrustListService,
    TrustListResolver,
  ],
  exports: [BadgeImportService, DatabaseTrustedKeyStore],
})
export class BadgesModule {}
