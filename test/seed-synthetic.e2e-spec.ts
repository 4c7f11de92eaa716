import { seedSynthetic } from '../src/seed/synthetic-seed';
import { startTestApp, TestApp } from './support/test-app';

const NOW = new Date('2026-01-01T00:00:00Z');

/** `npm run seed:synthetic` on a real database: deterministic, realistic, idempotent. */
describe('seed:synthetic', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const profile = async (ids: string[]): Promise<{ candidates: number; minEv: number; maxEv: number; selfReported: number; expired: number; span: number; checksum: string }> => {
    const [row] = await t.dataSource.query(
      `WITH mine AS (SELECT id FROM candidate WHERE id = ANY($1::uuid[]) AND id IN (SELECT candidate_id FROM skill_evidence)),
            per AS (SELECT candidate_id, count(*)::int AS n FROM skill_evidence WHERE candidate_id IN (SELECT id FROM mine) GROUP BY 1)
       SELECT (SELECT count(*)::int FROM mine) AS candidates,
              (SELECT min(n) FROM per) AS "minEv", (SELECT max(n) FROM per) AS "maxEv",
              (SELECT count(*)::int FROM skill_evidence WHERE candidate_id IN (SELECT id FROM mine) AND source = 'SELF_REPORTED') AS "selfReported",
              (SELECT count(*)::int FROM earned_credential WHERE candidate_id IN (SELECT id FROM mine) AND expires_at < $2) AS expired,
              (SELECT extract(epoch FROM max(evidenced_at) - min(evidenced_at)) / 86400 / 365.25 FROM skill_evidence WHERE candidate_id IN (SELECT id FROM mine))::float8 AS span,
              (SELECT md5(string_agg(concat_ws('|', candidate_id, skill_id, level, evidenced_at, source), ',' ORDER BY id)) FROM skill_evidence WHERE candidate_id IN (SELECT id FROM mine)) AS checksum`,
      [ids, NOW],
    );
    return row;
  };

  it('loads the first N candidates of a seed with 5 to 30 pieces of evidence each, over 8 years, some expired and some self-reported; a rerun adds nothing', async () => {
    const before = new Set((await t.dataSource.query(`SELECT id FROM candidate`)).map((r: { id: string }) => r.id));
    const first = await seedSynthetic(t.dataSource, t.config, { candidates: 120, seed: 7, now: NOW, batchSize: 50 });
    expect(first.generated.candidates).toBe(120);
    expect(first.inserted).toEqual(first.generated);
    expect(first.catalogueLoaded).toBe(false);
    const created: string[] = (await t.dataSource.query(`SELECT id FROM candidate`)).map((r: { id: string }) => r.id).filter((id: string) => !before.has(id));
    expect(created).toHaveLength(120);

    const p = await profile(created);
    expect(p.candidates).toBe(120);
    expect(p.minEv).toBeGreaterThanOrEqual(5);
    expect(p.maxEv).toBeLessThanOrEqual(30);
    expect(p.selfReported).toBeGreaterThan(0);
    expect(p.expired).toBeGreaterThan(0);
    expect(p.span).toBeGreaterThan(6);
    expect(p.span).toBeLessThanOrEqual(8.01);

    const again = await seedSynthetic(t.dataSource, t.config, { candidates: 120, seed: 7, now: NOW, batchSize: 32 });
    expect(again.generated).toEqual(first.generated);
    expect(again.inserted).toEqual({ candidates: 0, earnedCredentials: 0, evidence: 0 });
    expect((await profile(created)).checksum).toBe(p.checksum);

    // more of the same seed: only the new ones are added, the first 120 are unchanged
    const more = await seedSynthetic(t.dataSource, t.config, { candidates: 130, seed: 7, now: NOW });
    expect(more.inserted.candidates).toBe(10);
    expect((await profile(created)).checksum).toBe(p.checksum);
  });
});
