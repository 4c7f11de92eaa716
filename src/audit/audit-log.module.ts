import { Module } from '@nestjs/common';
import { CandidateHandles } from './candidate-handles.service';
import { TaxonomyModule } from '../taxonomy/taxonomy.module';
import { RankingAuditRecorder } from './ranking-audit.recorder';
import { RankingAuditRepository } from './ranking-audit.repository';
import { UnmaskRepository } from './unmask.repository';

/** The append-only audit tables, written by matching (no dependencies, so matching can import it). */
@Module({
  imports: [TaxonomyModule],
  providers: [RankingAuditRepository, RankingAuditRecorder, UnmaskRepository, CandidateHandles],
  exports: [RankingAuditRepository, RankingAuditRecorder, UnmaskRepository, CandidateHandles],
})
export class AuditLogModule {}
