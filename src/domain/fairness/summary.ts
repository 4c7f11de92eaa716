import { LAW_DIMENSIONS } from './categories';
import { DimensionImpact, formatP, GroupImpact, ImpactReport, percent, RateStat } from './impact';

/**
 * The summary of a bias audit an employer can publish (pure): the audit date, the source and
 * period of the data, the number of people scored and, for sex, race/ethnicity and their
 * intersection (the dimensions 6 RCNY § 5-301 requires), the number of unknowns left out, each
 * category's count, scoring rate and impact ratio, the excluded categories with their reason, and
 * the significance figures; then the selection rate at top N, a second view labelled as such.
 *
 * MARKDOWN: headings and tables (cells with | escaped). CSV (RFC 4180): `field,value` rows of the
 * audit's particulars (text a spreadsheet would run as a formula prefixed with '), a blank line, then
 * one row per category (unknowns as a row of their own with the count only).
 */
export type SummaryFormat = 'CSV' | 'MARKDOWN';

export interface SummaryContext {
  readonly auditDate: Date;
  /** e.g. 'historical data: ranking audit records (rankings and matches shown to recruiters)' */
  readonly source: string;
  /** e.g. '2026-01-01 to 2026-06-30' */
  readonly period: string;
  readonly jobs: readonly { readonly id: string; readonly title: string }[];
}

const LAW_NAMES = new Set(LAW_DIMENSIONS.map((d) => d.join(' × ')));
const ratio = (r: number | null): string => (r === null ? '' : r.toFixed(2));
const day = (d: Date): string => d.toISOString().slice(0, 10);

function lawDimensions(report: ImpactReport): DimensionImpact[] {
  return report.dimensions.filter((d) => LAW_NAMES.has(d.name));
}

function significance(s: RateStat): { p: string; z: string } {
  if (s.reference) return { p: '—', z: '—' };
  return { p: s.pValue === null ? '' : formatP(s.pValue), z: s.zScore === null ? '' : s.zScore.toFixed(2) };
}

function noteOf(g: GroupImpact, s: RateStat): string {
  if (g.excluded) return 'excluded: below the minimum share';
  if (s.reference) return 'reference: the highest rate';
  return [s.flagged ? 'below four-fifths' : '', s.note ?? ''].filter(Boolean).join('; ');
}

function particulars(report: ImpactReport, ctx: SummaryContext): [string, string][] {
  return [
    ['Audit date', day(ctx.auditDate)],
    ['Source of data', ctx.source],
    ['Period', ctx.period],
    ['Jobs', ctx.jobs.length ? ctx.jobs.map((j) => `${j.title} (${j.id})`).join('; ') : 'none'],
    ['People scored', String(report.population)],
    ['Median score', report.medianScore.toFixed(4)],
    [
      'Method',
      `scoring rate = share scoring above the median score of everyone scored; impact ratio = scoring rate / the highest scoring rate among the categories not excluded; ` +
        `categories under ${percent(report.minShare, 0)} of the people scored are excluded from the impact ratios; four-fifths threshold ${report.threshold}; ` +
        `two-sided Fisher's exact test and two-proportion z against the highest-rated category, significant below p = ${report.alpha}`,
    ],
  ];
}

const mdCell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const mdRow = (cells: readonly string[]): string => `| ${cells.map(mdCell).join(' | ')} |`;
function mdTable(head: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [mdRow(head), `|${head.map(() => ' --- ').join('|')}|`, ...rows.map(mdRow)];
}

function markdown(report: ImpactReport, ctx: SummaryContext): string {
  const out: string[] = ['# Bias audit summary', '', ...mdTable(['', ''], particulars(report, ctx).map(([k, v]) => [`**${k}**`, v]))];
  for (const d of lawDimensions(report)) {
    out.push('', `## ${d.title}`, '', `Unknown ${d.title.toLowerCase()} (left out of the calculations): ${d.unknownCount}`, '');
    if (d.groups.length === 0) {
      out.push('No one scored has a known category here: there is nothing to compare.');
      continue;
    }
    out.push(
      ...mdTable(
        ['Category', 'Number scored', 'Scoring rate', 'Impact ratio', "Fisher's exact p", 'z', 'Note'],
        d.groups.map((g) => {
          const s = g.aboveMedian;
          const sig = significance(s);
          return [g.label, String(g.count), percent(s.rate), g.excluded ? 'excluded' : ratio(s.impactRatio), sig.p, sig.z, noteOf(g, s)];
        }),
      ),
    );
    const excluded = d.groups.filter((g) => g.excluded);
    if (excluded.length) out.push('', 'Excluded from the impact ratios:', '', ...excluded.map((g) => `- ${g.label}: ${g.exclusionReason}`));
    out.push('', `### ${d.title}: selection rate at top ${report.topN} (a second view, not the rules' scoring rate)`, '');
    out.push(
      ...mdTable(
        ['Category', 'Number scored', `Selected (top ${report.topN})`, 'Selection rate', 'Impact ratio', "Fisher's exact p", 'z', 'Note'],
        d.groups.map((g) => {
          const s = g.top;
          const sig = significance(s);
          return [g.label, String(g.count), String(s.selected), percent(s.rate), g.excluded ? 'excluded' : ratio(s.impactRatio), sig.p, sig.z, noteOf(g, s)];
        }),
      ),
    );
  }
  return `${out.join('\n')}\n`;
}

const csvCell = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const csvRow = (cells: readonly string[]): string => cells.map(csvCell).join(',');
/** Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) is prefixed with ' (OWASP CSV injection). */
const csvText = (s: string): string => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
const num = (x: number | null, digits = 4): string => (x === null ? '' : x.toFixed(digits));
const pRaw = (x: number | null): string => (x === null ? '' : x < 1e-3 ? x.toExponential(3) : x.toPrecision(4));

function csv(report: ImpactReport, ctx: SummaryContext): string {
  const lines = [csvRow(['field', 'value']), ...particulars(report, ctx).map(([k, v]) => csvRow([k, csvText(v)])), ''];
  lines.push(
    csvRow([
      'dimension',
      'category',
      'number_scored',
      'share',
      'excluded',
      'exclusion_reason',
      'scoring_rate',
      'impact_ratio',
      'reference',
      'flagged',
      'fisher_p',
      'z',
      'note',
      `selected_top_${report.topN}`,
      'selection_rate',
      'selection_impact_ratio',
      'selection_fisher_p',
      'selection_z',
      'selection_note',
    ]),
  );
  for (const d of lawDimensions(report)) {
    for (const g of d.groups) {
      const s = g.aboveMedian;
      const t = g.top;
      lines.push(
        csvRow([
          d.title,
          g.label,
          String(g.count),
          num(g.share),
          String(g.excluded),
          g.exclusionReason ?? '',
          num(s.rate),
          num(s.impactRatio),
          String(s.reference),
          String(s.flagged),
          pRaw(s.pValue),
          num(s.zScore, 3),
          s.note ?? '',
          String(t.selected),
          num(t.rate),
          num(t.impactRatio),
          pRaw(t.pValue),
          num(t.zScore, 3),
          t.note ?? '',
        ]),
      );
    }
    lines.push(csvRow([d.title, 'Unknown (left out of the calculations)', String(d.unknownCount), num(report.population ? d.unknownCount / report.population : 0), '', '', '', '', '', '', '', '', '', '', '', '', '', '', '']));
  }
  return `${lines.join('\r\n')}\r\n`;
}

export function biasAuditSummary(report: ImpactReport, ctx: SummaryContext, format: SummaryFormat): string {
  return format === 'CSV' ? csv(report, ctx) : markdown(report, ctx);
}
