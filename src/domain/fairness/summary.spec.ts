import { Sex } from './categories';
import { impactReport, ScoredPerson } from './impact';
import { biasAuditSummary, SummaryContext } from './summary';

/** Rows of [sex, above the median, below it]; ranking order = scores descending. */
function population(rows: readonly [Sex | null, number, number][]): ScoredPerson[] {
  const people: Omit<ScoredPerson, 'position' | 'candidateId'>[] = [];
  let hi = 0;
  let lo = 0;
  for (const [sex, above, below] of rows) {
    for (let i = 0; i < above; i++) people.push({ score: 0.9 - 1e-4 * hi++, demographics: { sex } });
    for (let i = 0; i < below; i++) people.push({ score: 0.3 - 1e-4 * lo++, demographics: { sex } });
  }
  return people.sort((a, b) => b.score - a.score).map((p, i) => ({ ...p, candidateId: `c${i}`, position: i + 1 }));
}

const CTX: SummaryContext = {
  auditDate: new Date('2026-12-08T10:00:00Z'),
  source: 'historical data: ranking audit records (rankings and matches shown to recruiters and admins)',
  period: '2026-01-01 to 2026-06-30',
  jobs: [{ id: 'fa3edf11-d96c-5237-8a86-9f12f8b73c40', title: 'Data engineer | platform' }],
};

// the rules' worked example: men 50 above the median / 42 below, women 34 / 42, unknown 9 / 9.
// Top 20 = the 20 highest scores, given in row order: all men.
const WORKED = impactReport(
  population([
    ['MALE', 50, 42],
    ['FEMALE', 34, 42],
    [null, 9, 9],
  ]),
  { topN: 20, dimensions: [['sex']] },
);

describe('biasAuditSummary', () => {
  it("prints the rules' worked example in Markdown", () => {
    expect(biasAuditSummary(WORKED, CTX, 'MARKDOWN')).toBe(
      [
        '# Bias audit summary',
        '',
        '|  |  |',
        '| --- | --- |',
        '| **Audit date** | 2026-12-08 |',
        '| **Source of data** | historical data: ranking audit records (rankings and matches shown to recruiters and admins) |',
        '| **Period** | 2026-01-01 to 2026-06-30 |',
        '| **Jobs** | Data engineer \\| platform (fa3edf11-d96c-5237-8a86-9f12f8b73c40) |',
        '| **People scored** | 186 |',
        '| **Median score** | 0.5954 |',
        "| **Method** | scoring rate = share scoring above the median score of everyone scored; impact ratio = scoring rate / the highest scoring rate among the categories not excluded; categories under 2% of the people scored are excluded from the impact ratios; four-fifths threshold 0.8; two-sided Fisher's exact test and two-proportion z against the highest-rated category, significant below p = 0.05 |",
        '',
        '## Sex',
        '',
        'Unknown sex (left out of the calculations): 18',
        '',
        "| Category | Number scored | Scoring rate | Impact ratio | Fisher's exact p | z | Note |",
        '| --- | --- | --- | --- | --- | --- | --- |',
        '| Male | 92 | 54.3% | 1.00 | — | — | reference: the highest rate |',
        '| Female | 76 | 44.7% | 0.82 | 0.278 | -1.24 |  |',
        '',
        "### Sex: selection rate at top 20 (a second view, not the rules' scoring rate)",
        '',
        "| Category | Number scored | Selected (top 20) | Selection rate | Impact ratio | Fisher's exact p | z | Note |",
        '| --- | --- | --- | --- | --- | --- | --- | --- |',
        '| Male | 92 | 20 | 21.7% | 1.00 | — | — | reference: the highest rate |',
        '| Female | 76 | 0 | 0.0% | 0.00 | < 0.0001 | -4.33 | below four-fifths; impact ratio 0.00 is below 0.8 and statistically significant (p < 0.0001, z = -4.33) |',
        '',
      ].join('\n'),
    );
  });

  it("prints the rules' worked example as CSV (RFC 4180: quoted where needed, CRLF)", () => {
    const lines = biasAuditSummary(WORKED, CTX, 'CSV').split('\r\n');
    expect(lines.slice(0, 7)).toEqual([
      'field,value',
      'Audit date,2026-12-08',
      'Source of data,historical data: ranking audit records (rankings and matches shown to recruiters and admins)',
      'Period,2026-01-01 to 2026-06-30',
      'Jobs,Data engineer | platform (fa3edf11-d96c-5237-8a86-9f12f8b73c40)',
      'People scored,186',
      'Median score,0.5954',
    ]);
    expect(lines[7]).toMatch(/^Method,"scoring rate = .*significant below p = 0\.05"$/);
    expect(lines.slice(8)).toEqual([
      '',
      'dimension,category,number_scored,share,excluded,exclusion_reason,scoring_rate,impact_ratio,reference,flagged,fisher_p,z,note,selected_top_20,selection_rate,selection_impact_ratio,selection_fisher_p,selection_z,selection_note',
      'Sex,Male,92,0.4946,false,,0.5435,1.0000,true,false,,,,20,0.2174,1.0000,,,',
      'Sex,Female,76,0.4086,false,,0.4474,0.8232,false,false,0.2779,-1.240,,0,0.0000,0.0000,2.949e-6,-4.331,"impact ratio 0.00 is below 0.8 and statistically significant (p < 0.0001, z = -4.33)"',
      'Sex,Unknown (left out of the calculations),18,0.0968,,,,,,,,,,,,,,,',
      '',
    ]);
  });

  it('lists the excluded categories with their reason, and prints the intersections the rules require', () => {
    const report = impactReport(
      population([
        ['MALE', 46, 44],
        ['FEMALE', 36, 39],
        ['NON_BINARY', 4, 0],
        ['OTHER', 2, 1],
        [null, 5, 9],
      ]),
      { topN: 20 },
    );
    const md = biasAuditSummary(report, CTX, 'MARKDOWN');
    expect(md).toContain('| Non-binary | 4 | 100.0% | 1.00 | — | — | reference: the highest rate |');
    expect(md).toContain('| Another sex | 3 | 66.7% | excluded | 0.429 | -1.25 | excluded: below the minimum share |');
    expect(md).toContain('Excluded from the impact ratios:\n\n- Another sex: 3 of 186 scored (1.6%) is below 2% of the sample: excluded from the impact ratios (6 RCNY § 5-301)\n');
    expect(md).toContain(
      '| Male | 90 | 51.1% | 0.51 | 0.12 | -1.92 | below four-fifths; impact ratio 0.51 is below 0.8 but not statistically significant (p = 0.12): too few people to mean anything |',
    );
    // sex, race/ethnicity and sex × race/ethnicity only: the age band is not a Local Law 144 category
    expect([...md.matchAll(/^## (.*)$/gm)].map((m) => m[1])).toEqual(['Sex', 'Race/Ethnicity', 'Sex × Race/Ethnicity']);
    expect(md).toContain('Unknown race/ethnicity (left out of the calculations): 186\n\nNo one scored has a known category here: there is nothing to compare.');
    const csv = biasAuditSummary(report, CTX, 'CSV');
    expect(csv).toContain('\r\nSex,Another sex,3,0.0161,true,3 of 186 scored (1.6%) is below 2% of the sample: excluded from the impact ratios (6 RCNY § 5-301),0.6667,,false,false,0.4286,-1.247,,');
  });

  it('keeps job titles from breaking a table or running as a spreadsheet formula', () => {
    const ctx = { ...CTX, jobs: [{ id: 'j1', title: '=HYPERLINK("http://x","click")\nsecond line' }] };
    expect(biasAuditSummary(WORKED, ctx, 'MARKDOWN')).toContain('| **Jobs** | =HYPERLINK("http://x","click") second line (j1) |');
    const csv = biasAuditSummary(WORKED, ctx, 'CSV');
    expect(csv).toContain('\r\nJobs,"\'=HYPERLINK(""http://x"",""click"")\nsecond line (j1)"\r\n');
  });
});
