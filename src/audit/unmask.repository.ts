import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** candidate_unmask: who revealed which candidate's name for which job (append-only). */
@Injectable()
export class UnmaskRepository {
  constructor(private readonly dataSource: DataSource) {}

  async record(entry: { actorSub: string; actorRole: string; jobId: string; candidateId: string; reason: string | null }): Promise<void> {
    await this.dataSource.query(`INSERT INTO candidate_unmask (actor_sub, actor_role, job_id, candidate_id, reason) VALUES ($1, $2, $3, $4, $5)`, [
      entry.actorSub,
      entry.actorRole,
      entry.jobId,
      entry.candidateId,
      entry.reason,
    ]);
  }

  /** The candidates among `candidateIds` this sub has unmasked for this job. */
  async unmasked(actorSub: string, jobId: string, candidateIds: readonly string[]): Promise<Set<string>> {
    if (candidateIds.length === 0) return new Set();
    const rows: { candidate_id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT candidate_id FROM candidate_unmask WHERE actor_sub = $1 AND job_id = $2 AND candidate_id = ANY($3::uuid[])`,
      [actorSub, jobId, candidateIds],
    );
    return new Set(rows.map((r) => r.candidate_id));
  }
}
