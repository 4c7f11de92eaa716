import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Demographics } from '../domain/fairness/categories';
import { ScoredPerson } from '../domain/fairness/impact';
import { DemographicsObject } from './demographics.object';

interface Row {
  candidate_id: string;
  sex: DemographicsObject['sex'];
  ethnicity: DemographicsObject['ethnicity'];
  age_band: DemographicsObject['ageBand'];
  updated_at: Date;
}

const toObject = (r: Row): DemographicsObject => ({ candidateId: r.candidate_id, sex: r.sex, ethnicity: r.ethnicity, ageBand: r.age_band, updatedAt: new Date(r.updated_at) });

const DEMOGRAPHICS_BATCH = 10_000;

/** candidate_demographics: kept apart from the matching data (the engine never reads it). */
@Injectable()
export class DemographicsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Sets a candidate's declarations in one statement; null when there is no such candidate. */
  async upsert(candidateId: string, d: Demographics): Promise<DemographicsObject | null> {
    const [row]: Row[] = await this.dataSource.query(
      `INSERT INTO candidate_demographics (candidate_id, sex, ethnicity, age_band)
       SELECT c.id, $2, $3, $4 FROM candidate c WHERE c.id = $1
       ON CONFLICT (candidate_id) DO UPDATE SET sex = EXCLUDED.sex, ethnicity = EXCLUDED.ethnicity, age_band = EXCLUDED.age_band, updated_at = now()
       RETURNING *`,
      [candidateId, d.sex ?? null, d.ethnicity ?? null, d.ageBand ?? null],
    );
    return row ? toObject(row) : null;
  }

  /** The people with their declarations (undeclared: nulls), read in batches of 10,000 ids. */
  async join(people: readonly Omit<ScoredPerson, 'demographics'>[]): Promise<ScoredPerson[]> {
    const ids = [...new Set(people.map((p) => p.candidateId))];
    const declared = new Map<string, DemographicsObject>();
    for (let i = 0; i < ids.length; i += DEMOGRAPHICS_BATCH) for (const d of await this.ofCandidates(ids.slice(i, i + DEMOGRAPHICS_BATCH))) declared.set(d.candidateId, d);
    return people.map((p) => {
      const d = declared.get(p.candidateId);
      return { ...p, demographics: { sex: d?.sex ?? null, ethnicity: d?.ethnicity ?? null, ageBand: d?.ageBand ?? null } };
    });
  }

  async ofCandidates(candidateIds: readonly string[]): Promise<DemographicsObject[]> {
    if (candidateIds.length === 0) return [];
    const rows: Row[] = await this.dataSource.query(`SELECT * FROM candidate_demographics WHERE candidate_id = ANY($1::uuid[])`, [candidateIds]);
    return rows.map(toObject);
  }
}
