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

/** Reads candidates' evidence in the engine's shape (credential evidence carries its credential's status and expiry). */
@Injectable()
export class MatchEvidenceRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** All candidates (ids = undefined) or the given ones; unknown ids are simply absent. */
  async load(ids?: readonly string[]): Promise<CandidateEvidenceRows[]> {
    const filter = ids ? 'WHERE c.id = ANY($1::uuid[])' : '';
    const params = ids ? [ids] : [];
    const candidates: { id: string; discoverable: boolean }[] = await this.dataSource.query(`SELECT c.id, c.discoverable FROM candidate c ${filter}`, params);
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
