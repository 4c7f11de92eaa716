import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface TaxonomySkillRow {
  id: string;
  name: string;
  aliases: string[];
  category: 'TECHNICAL' | 'DURABLE';
  halfLifeMonths: number | null;
}

/** Reads the taxonomy (skills, broader and related edges) for the in-memory graph and search index. */
@Injectable()
export class TaxonomyRepository {
  constructor(private readonly dataSource: DataSource) {}

  async skills(ids?: readonly string[]): Promise<TaxonomySkillRow[]> {
    const where = ids ? 'WHERE id = ANY($1::uuid[])' : '';
    return this.dataSource.query(
      `SELECT id, name, aliases, category, half_life_months AS "halfLifeMonths" FROM skill ${where}`,
      ids ? [ids] : [],
    );
  }

  async broader(ids?: readonly string[]): Promise<[string, string][]> {
    const where = ids ? 'WHERE skill_id = ANY($1::uuid[])' : '';
    const rows: { c: string; p: string }[] = await this.dataSource.query(`SELECT skill_id AS c, broader_id AS p FROM skill_broader ${where}`, ids ? [ids] : []);
    return rows.map((r) => [r.c, r.p]);
  }

  async related(ids?: readonly string[]): Promise<[string, string, number][]> {
    const where = ids ? 'WHERE skill_id = ANY($1::uuid[]) OR related_id = ANY($1::uuid[])' : '';
    const rows: { a: string; b: string; w: number }[] = await this.dataSource.query(
      `SELECT skill_id AS a, related_id AS b, weight AS w FROM skill_relation ${where}`,
      ids ? [ids] : [],
    );
    return rows.map((r) => [r.a, r.b, Number(r.w)]);
  }
}
