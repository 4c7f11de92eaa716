import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { JobObject } from '../jobs/job.object';

/** What a bias audit reads of one ranking_audit record. */
export interface ShownRecord {
  seq: number;
  jobId: string;
  /** rankCandidates from the top of the ranking (no cursor): results are places 1, 2, … */
  fromTop: boolean;
  results: { candidateId: string; score: number }[];
}

/** Roles whose rankings and matches are employment decisions being assisted (a learner checking their own match is not). */
export const AUDITED_ROLES = ['ADMIN', 'RECRUITER'] as const;
const BATCH = 500;

/**
 * Reads ranking_audit for bias audits (read only: the table is append-only and not this module's).
 * Keyset pages by seq, so the cost is linear in the records read.
 */
@Injectable()
export class BiasAuditRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Calls `onBatch` with the records of [from, to) for the jobs (null: all), by seq; returns the number read. */
  async scan(jobIds: readonly string[] | null, from: Date, to: Date, onBatch: (records: ShownRecord[]) => void): Promise<number> {
    let after = 0;
    let read = 0;
    for (;;) {
      const rows: { seq: string; job_id: string; from_top: boolean; results: ShownRecord['results'] }[] = await this.dataSource.query(
        `SELECT seq, job_id, (operation = 'rankCandidates' AND arguments->>'after' IS NULL) AS from_top, results
           FROM ranking_audit
          WHERE seq > $1 AND created_at >= $2 AND created_at < $3 AND actor_role = ANY($4::text[])
            AND ($5::uuid[] IS NULL OR job_id = ANY($5::uuid[]))
          ORDER BY seq LIMIT ${BATCH}`,
        [after, from, to, AUDITED_ROLES, jobIds],
      );
      if (rows.length === 0) return read;
      read += rows.length;
      after = Number(rows[rows.length - 1].seq);
      onBatch(rows.map((r) => ({ seq: Number(r.seq), jobId: r.job_id, fromTop: r.from_top, results: r.results })));
      if (rows.length < BATCH) return read;
    }
  }

  async jobs(ids: readonly string[]): Promise<JobObject[]> {
    if (ids.length === 0) return [];
    const rows: { id: string; title: string; description: string | null; occupation_id: string | null }[] = await this.dataSource.query(
      `SELECT id, title, description, occupation_id FROM job WHERE id = ANY($1::uuid[]) ORDER BY title, id`,
      [ids],
    );
    return rows.map((r) => ({ id: r.id, title: r.title, description: r.description, occupationId: r.occupation_id }));
  }
}
