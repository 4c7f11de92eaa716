import { Module } from '@nestjs/common';
import { JobsModule } from '../jobs/jobs.module';
import { MatchEvidenceRepository } from '../matching/match-evidence.repository';
import { MatchingModule } from '../matching/matching.module';
import { TaxonomyModule } from '../taxonomy/taxonomy.module';
import { AuditChainResolver } from './audit-chain.resolver';
import { AuditChainService } from './audit-chain.service';
import { AuditLogModule } from './audit-log.module';
import { RankingAuditResolver } from './ranking-audit.resolver';
import { RankingReplayService } from './ranking-replay.service';

/** rankingAudit, replayRanking and unmaskCandidate (the records themselves are written through AuditLogModule). */
@Module({
  imports: [AuditLogModule, MatchingModule, JobsModule, TaxonomyModule],
  providers: [MatchEvidenceRepository, RankingReplayService, RankingAuditResolver, AuditChainService, AuditChainResolver],
})
export class AuditModule {}
