import { parse } from 'csv-parse/sync';
import { parseBiasAuditArgs } from '../src/cli/audit-bias/audit-bias-args';
import { runBiasAudit } from '../src/cli/audit-bias/run-bias-audit';
import { ok, startTestApp, TestApp } from './support/test-app';

/** The seeded demo job the README uses. */
const JOB = 'fa3edf11-d96c-5237-8a86-9f12f8b73c40';
const RATE = 'selected rate impactRatio reference flagged pValue zScore note';

describe('bias audit summary on a seeded job (CSV and Markdown)', () => {
  let t: TestApp;
  let from: string;
  let to: string;
  let report: any;

  beforeAll(async () => {
    t = await startTestApp();
    from = new Date().toISOString();
    const recruiter = t.as('RECRUITER', { sub: 'summary-recruiter' });
    ok(await recruiter(`query { rankCandidates(jobId: "${JOB}", first: 100) { totalCount } }`));
    ok(await recruiter(`query { rankCandidates(jobId: "${JOB}", first: 10, masked: true) { totalCount } }`));
    to = new Date(Date.now() + 60_000).toISOString();
    report = ok(
      await t.gql(
        `query($from: DateTime!, $to: DateTime!) { biasAudit(jobIds: ["${JOB}"], from: $from, to: $to) {
          population recordsRead medianScore job { title }
          dimensions { name title unknownCount groups { label count share excluded exclusionReason aboveMedian { ${RATE} } topN { ${RATE} } } }
          markdown: summary(format: MARKDOWN) csv: summary(format: CSV) } }`,
        { from, to },
      ),
    ).biasAudit;
  });
  afterAll(() => t.close());

  it('counts each person shown once, and the unknowns as the seeded declarations say', async () => {
    expect(report.recordsRead).toBe(2);
    expect(report.population).toBe(100);
    const shown: string[] = (await t.dataSource.query(`SELECT r->>'candidateId' AS id FROM ranking_audit, jsonb_array_elements(results) r WHERE created_at >= $1 AND job_id = $2`, [from, JOB])).map((r: any) => r.id);
    const ids = [...new Set(shown)];
    expect(ids).toHaveLength(100);
    const [declared] = await t.dataSource.query(
      `SELECT count(*) FILTER (WHERE d.sex IS NULL)::int AS sex, count(*) FILTER (WHERE d.ethnicity IS NULL)::int AS ethnicity,
              count(*) FILTER (WHERE d.sex IS NULL OR d.ethnicity IS NULL)::int AS both
         FROM unnest($1::uuid[]) AS ids(id) LEFT JOIN candidate_demographics d ON d.candidate_id = ids.id`,
      [ids],
    );
    const unknown = Object.fromEntries(report.dimensions.map((d: any) => [d.name, d.unknownCount]));
    expect([unknown.sex, unknown.ethnicity, unknown['sex × ethnicity']]).toEqual([declared.sex, declared.ethnicity, declared.both]);
    expect(declared.sex).toBeGreaterThan(0);
    for (const d of report.dimensions) expect(d.unknownCount + d.groups.reduce((s: number, g: any) => s + g.count, 0)).toBe(100);
  });

  it('prints every category of sex, race/ethnicity and their intersection in Markdown tables, with the same figures as the report', () => {
    const md: string = report.markdown;
    expect(md).toContain(`| **People scored** | 100 |`);
    expect(md).toContain(`| **Jobs** | ${report.job.title} (${JOB}) |`);
    expect(md).toContain(`| **Median score** | ${report.medianScore.toFixed(4)} |`);
    for (const name of ['sex', 'ethnicity', 'sex × ethnicity']) {
      const d = report.dimensions.find((x: any) => x.name === name);
      expect(md).toContain(`## ${d.title}\n\nUnknown ${d.title.toLowerCase()} (left out of the calculations): ${d.unknownCount}\n`);
      for (const g of d.groups) {
        const ratio = g.excluded ? 'excluded' : g.aboveMedian.impactRatio === null ? '' : g.aboveMedian.impactRatio.toFixed(2);
        expect(md).toContain(`| ${g.label} | ${g.count} | ${(100 * g.aboveMedian.rate).toFixed(1)}% | ${ratio} |`);
        if (g.excluded) expect(md).toContain(`- ${g.label}: ${g.exclusionReason}`);
      }
    }
    // the demo has categories under 2% of 100 (e.g. a single person): excluded, with the reason
    expect(report.dimensions.some((d: any) => d.groups.some((g: any) => g.excluded))).toBe(true);
    expect(md).not.toMatch(/Age band/);
  });

  it('prints the same figures as CSV that a CSV parser reads back', () => {
    const [head, table] = (report.csv as string).split('\r\n\r\n');
    const particulars = Object.fromEntries(parse(head, { from_line: 2 }) as string[][]);
    expect(particulars).toMatchObject({ 'People scored': '100', Period: `${from} to ${to} (end exclusive)` });
    const rows: Record<string, string>[] = parse(table, { columns: true });
    for (const d of report.dimensions.filter((x: any) => ['sex', 'ethnicity', 'sex × ethnicity'].includes(x.name))) {
      const mine = rows.filter((r) => r.dimension === d.title);
      expect(mine.map((r) => r.category)).toEqual([...d.groups.map((g: any) => g.label), 'Unknown (left out of the calculations)']);
      d.groups.forEach((g: any, i: number) => {
        const r = mine[i];
        expect(Number(r.number_scored)).toBe(g.count);
        expect(Number(r.scoring_rate)).toBeCloseTo(g.aboveMedian.rate, 4);
        expect(r.excluded).toBe(String(g.excluded));
        expect(r.impact_ratio === '' ? null : Number(r.impact_ratio)).toEqual(g.aboveMedian.impactRatio === null ? null : expect.closeTo(g.aboveMedian.impactRatio, 4));
        if (g.aboveMedian.pValue !== null) expect(Number(r.fisher_p)).toBeCloseTo(g.aboveMedian.pValue, 3);
        expect(Number(r.selected_top_20)).toBe(g.topN.selected);
      });
      expect(Number(mine[mine.length - 1].number_scored)).toBe(d.unknownCount);
    }
  });

  it('npm run audit:bias prints the same summary from the database', async () => {
    const cli = parseBiasAuditArgs(['--job', JOB, '--from', from, '--to', to, '--format', 'markdown']);
    expect(await runBiasAudit(t.dataSource, cli)).toBe(report.markdown);
    const csv = await runBiasAudit(t.dataSource, { ...cli, format: 'CSV' });
    expect(csv).toBe(report.csv);
    await expect(runBiasAudit(t.dataSource, parseBiasAuditArgs(['--job', 'nope', '--from', from, '--to', to]))).rejects.toThrow(/is not a job id/);
  });
});
