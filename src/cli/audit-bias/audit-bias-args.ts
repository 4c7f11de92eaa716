import { DEFAULT_MIN_SHARE } from '../../domain/fairness/impact';
import { SummaryFormat } from '../../domain/fairness/summary';
import { BiasAuditRequest } from '../../fairness/bias-audit.service';

export const USAGE =
  'usage: npm run -s audit:bias -- [--job <job id>]... --from <date> --to <date> [--format markdown|csv] [--top-n 20] [--min-share 0.02]\n' +
  '  dates: YYYY-MM-DD (a --to day is included whole) or an ISO 8601 time; no --job: every job with ranking audit records in the period';

export interface BiasAuditCli {
  request: BiasAuditRequest;
  format: SummaryFormat;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function parseDate(value: string, name: 'from' | 'to'): Date {
  const date = new Date(DAY.test(value) ? `${value}T00:00:00.000Z` : value);
  if (Number.isNaN(date.getTime())) throw new Error(`--${name}: ${JSON.stringify(value)} is not a date\n${USAGE}`);
  // a whole day given as --to is included: the period ends at the next midnight (UTC)
  return DAY.test(value) && name === 'to' ? new Date(date.getTime() + 86_400_000) : date;
}

/** The arguments of `npm run audit:bias` (pure; throws an Error with the usage on a bad one). */
export function parseBiasAuditArgs(argv: readonly string[]): BiasAuditCli {
  const jobs: string[] = [];
  const one: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const m = /^--(job|from|to|format|top-n|min-share)(?:=(.*))?$/.exec(argv[i]);
    if (!m) throw new Error(`unknown argument ${argv[i]}\n${USAGE}`);
    const value = m[2] ?? argv[++i];
    if (value === undefined) throw new Error(`--${m[1]} needs a value\n${USAGE}`);
    if (m[1] === 'job') jobs.push(value);
    else one[m[1]] = value;
  }
  if (!one.from || !one.to) throw new Error(`--from and --to are required\n${USAGE}`);
  const format = (one.format ?? 'markdown').toUpperCase();
  if (format !== 'MARKDOWN' && format !== 'CSV') throw new Error(`--format must be markdown or csv\n${USAGE}`);
  const topN = one['top-n'] === undefined ? 20 : Number(one['top-n']);
  const minShare = one['min-share'] === undefined ? DEFAULT_MIN_SHARE : Number(one['min-share']);
  if (!Number.isInteger(topN)) throw new Error(`--top-n must be an integer\n${USAGE}`);
  if (!Number.isFinite(minShare)) throw new Error(`--min-share must be a number (0.02 is 2%)\n${USAGE}`);
  return { request: { jobIds: jobs.length ? jobs : null, from: parseDate(one.from, 'from'), to: parseDate(one.to, 'to'), topN, minShare }, format };
}
