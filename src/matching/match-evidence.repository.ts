import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EvidenceItem } from '../domain/matching/match-types';

export interface CandidateEvidenceRows {
  id: string;
  discoverable: boolean;
  evidence: EvidenceItem[];
}

interface EvidenceRow {
  id: string;
  candidate_id: string;
  skill_id: string;
  level: number;
  evidenced_at: Date;
  source: EvidenceItem['source'];
  verification: EvidenceItem['verification'];
  expires_at: Date | null;
  credential_id: string | null;
}

interface CandidateRow {
  id: string;
  discoverable: boolean;
}

/** Reads candidates' evidence in the engine's shape (credential evidence carries its credential's status and expiry). */
@Injectable()
export class MatchEvidenceRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** All candidates (ids = undefined) or the given ones; unknown ids are simply absent. */
  async load(ids?: readonly string[]): Promise<CandidateEvidenceRows[]> {
    const filter = ids ? 'WHERE c.id = ANY($1::uuid[])' : '';
    const params = ids ? [ids] : [];
    const candidates: CandidateRow[] = await this.dataSource.query(`SELECT c.id, c.discoverable FROM candidate c ${filter}`, params);
    return this.withEvidence(candidates, filter, params);
  }

  /**
   * Every candidate with their evidence, `pageSize` candidates at a time in id order (keyset), so
   * that building the match index never holds the whole population's rows at once.
   */
  async *loadPages(pageSize: number): AsyncGenerator<CandidateEvidenceRows[]> {
    let after: string | null = null;
    for (;;) {
      const candidates: CandidateRow[] = await this.dataSource.query(
        `SELECT c.id, c.discoverable FROM candidate c WHERE $1::uuid IS NULL OR c.id > $1::uuid ORDER BY c.id LIMIT $2`,
        [after, pageSize],
      );
      if (candidates.length === 0) return;
      yield await this.withEvidence(candidates, 'WHERE c.id = ANY($1::uuid[])', [candidates.map((c) => c.id)]);
      if (candidates.length < pageSize) return;
      after = candidates[candidates.length - 1].id;
    }
  }

  private async withEvidence(candidates: CandidateRow[], filter: string, params: unknown[]): Promise<CandidateEvidenceRows[]> {
    const rows: EvidenceRow[] = await this.dataSource.query(
      `SELECT e.id, e.candidate_id, e.skill_id, e.level, e.evidenced_at, e.source, ec.verification, ec.expires_at, ec.credential_id
         FROM skill_evidence e
         JOIN candidate c ON c.id = e.candidate_id
         LEFT JOIN earned_credential ec ON ec.id = e.earned_credential_id
         ${filter}`,
      params,
    );
    const byCandidate = new Map<string, CandidateEvidenceRows>(candidates.map((c) => [c.id, { id: c.id, discoverable: c.discoverable, evidence: [] }]));
    for (const r of rows) {
      byCandidate.get(r.candidate_id)?.evidence.push({
        id: r.id,
        skillId: r.skill_id,
        level: r.level,
        evidencedAt: new Date(r.evidenced_at),
        source: r.source,
        verification: r.verification ?? null,
        expiresAt: r.expires_at ? new Date(r.expires_at) : null,
        credentialId: r.credential_id,
      });
    }
    return [...byCandidate.values()];
  }
}
