import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { isUuid } from '../common/loaders/group-by';
import { Requirement } from '../domain/matching/match-types';
import { EngineConfig } from './engine-config';

export type AuditedOperation = 'rankCandidates' | 'matchCandidate';

export interface AuditedResult {
  candidateId: string;
  score: number;
  meetsMandatory: boolean;
}

export interface NewRankingAudit {
  operation: AuditedOperation;
  actorSub: string;
  actorRole: string;
  jobId: string;
  arguments: Record<string, unknown>;
  asOf: Date;
  configHash: string;
  /** null in records written before taxonomy versions were recorded */
  taxonomyVersion: string | null;
  config: EngineConfig;
  requirements: Requirement[];
  results: AuditedResult[];
  totalCount: number | null;
}

export interface RankingAuditRecord extends NewRankingAudit {
  id: string;
  seq: number;
  chainPos: number;
  createdAt: Date;
}

export type AuditTable = 'ranking_audit' | 'candidate_unmask';

/** An audit row's chain fields as stored, and its hash recomputed from its content. */
export interface ChainRow {
  id: string;
  chainPos: number;
  prevHash: string;
  rowHash: string;
  recomputed: string;
}

interface Row {
  id: string;
  seq: string | number;
  created_at: Date;
  operation: AuditedOperation;
  actor_sub: string;
  actor_role: string;
  job_id: string;
  arguments: Record<string, unknown>;
  as_of: Date;
  config_hash: string;
  taxonomy_version: string | null;
  chain_pos: string | number;
  config: EngineConfig;
  requirements: Requirement[];
  results: AuditedResult[];
  total_count: number | null;
}

function toRecord(r: Row): RankingAuditRecord {
  return {
    id: r.id,
    seq: Number(r.seq),
    chainPos: Number(r.chain_pos),
    createdAt: new Date(r.created_at),
    operation: r.operation,
    actorSub: r.actor_sub,
    actorRole: r.actor_role,
    jobId: r.job_id,
    arguments: r.arguments,
    asOf: new Date(r.as_of),
    configHash: r.config_hash,
    taxonomyVersion: r.taxonomy_version,
    config: r.config,
    requirements: r.requirements,
    results: r.results,
    totalCount: r.total_count,
  };
}

export interface CandidateChangeRow {
  candidate_id: string;
  present: boolean;
  evidence_added: boolean;
  credential_added: boolean;
  record_updated: boolean;
}

/** ranking_audit (append-only: the app's role may only INSERT and SELECT, a trigger refuses UPDATE and DELETE, rows are hash-chained). */
@Injectable()
export class RankingAuditRepository {
  constructor(private readonly dataSource: DataSource) {}

  private queue: { record: NewRankingAudit; resolve: (id: string) => void; reject: (error: unknown) => void }[] = [];
  private flushing = false;

  /**
   * Appends a record and resolves with its id once committed. The hash chain makes inserts wait for
   * each other through their commit, so records arriving while one transaction commits go together
   * in the next (one commit, one wait for the lock); when such a batch fails, its records are
   * written one by one, so one bad record fails only its own call.
   */
  insert(a: NewRankingAudit): Promise<string> {
    return new Promise<string>((resolve, reject) => {
      this.queue.push({ record: a, resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      while (this.queue.length) {
        const batch = this.queue.splice(0, 50);
        try {
          const ids = await this.dataSource.transaction(async (manager) => {
            const out: string[] = [];
            for (const item of batch) out.push(await this.insertOne(item.record, manager));
            return out;
          });
          batch.forEach((item, i) => item.resolve(ids[i]));
        } catch (error) {
          if (batch.length === 1) batch[0].reject(error);
          else for (const item of batch) await this.insertOne(item.record).then(item.resolve, item.reject);
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  private async insertOne(a: NewRankingAudit, manager?: EntityManager): Promise<string> {
    const [row]: { id: string }[] = await (manager ?? this.dataSource.manager).query(
      `INSERT INTO ranking_audit (operation, actor_sub, actor_role, job_id, arguments, as_of, config_hash, config, requirements, results, total_count, taxonomy_version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
      [
        a.operation,
        a.actorSub,
        a.actorRole,
        a.jobId,
        JSON.stringify(a.arguments),
        a.asOf,
        a.configHash,
        JSON.stringify(a.config),
        JSON.stringify(a.requirements),
        JSON.stringify(a.results),
        a.totalCount,
        a.taxonomyVersion,
      ],
    );
    return row.id;
  }

  async find(id: string): Promise<RankingAuditRecord | null> {
    if (!isUuid(id)) return null;
    const [row]: Row[] = await this.dataSource.query(`SELECT * FROM ranking_audit WHERE id = $1`, [id]);
    return row ? toRecord(row) : null;
  }

  /** Newest first; `beforeSeq` continues after a cursor. */
  async list(jobId: string | null, first: number, beforeSeq: number | null): Promise<{ rows: RankingAuditRecord[]; totalCount: number }> {
    const params: unknown[] = [];
    const where: string[] = [];
    if (jobId !== null) {
      params.push(jobId);
      where.push(`job_id = $${params.length}`);
    }
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ n }]: { n: number }[] = await this.dataSource.query(`SELECT count(*)::int AS n FROM ranking_audit ${filter}`, params);
    if (beforeSeq !== null) {
      params.push(beforeSeq);
      where.push(`seq < $${params.length}`);
    }
    params.push(first + 1);
    const rows: Row[] = await this.dataSource.query(
      `SELECT * FROM ranking_audit ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT $${params.length}`,
      params,
    );
    return { rows: rows.map(toRecord), totalCount: n };
  }

  /** A page of an audit table's chain, in chain order, after position `afterPos`. */
  async chainRows(table: AuditTable, afterPos: number, limit: number): Promise<ChainRow[]> {
    const rows: { id: string; chain_pos: string; prev_hash: string; row_hash: string; recomputed: string }[] = await this.dataSource.query(
      `SELECT id, chain_pos::text AS chain_pos, prev_hash, row_hash, recomputed FROM audit_chain_rows($1, $2, $3)`,
      [table, afterPos, limit],
    );
    return rows.map((r) => ({ id: r.id, chainPos: Number(r.chain_pos), prevHash: r.prev_hash, rowHash: r.row_hash, recomputed: r.recomputed }));
  }

  /** For each candidate: still there? evidence, credentials or the record itself changed after `since`? */
  changesSince(candidateIds: readonly string[], since: Date): Promise<CandidateChangeRow[]> {
    if (candidateIds.length === 0) return Promise.resolve([]);
    return this.dataSource.query(
      `SELECT ids.id AS candidate_id,
              EXISTS (SELECT 1 FROM candidate c WHERE c.id = ids.id) AS present,
              EXISTS (SELECT 1 FROM skill_evidence e WHERE e.candidate_id = ids.id AND e.created_at > $2) AS evidence_added,
              EXISTS (SELECT 1 FROM earned_credential ec WHERE ec.candidate_id = ids.id AND ec.created_at > $2) AS credential_added,
              EXISTS (SELECT 1 FROM candidate c WHERE c.id = ids.id AND c.updated_at > $2) AS record_updated
         FROM unnest($1::uuid[]) WITH ORDINALITY AS ids(id, n)
        ORDER BY ids.n`,
      [candidateIds, since],
    );
  }
}
