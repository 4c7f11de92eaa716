import { parseBiasAuditArgs } from './audit-bias-args';

const JOB = 'fa3edf11-d96c-5237-8a86-9f12f8b73c40';

describe('npm run audit:bias arguments', () => {
  it('reads jobs, the period (a --to day included whole), the format and the options', () => {
    expect(parseBiasAuditArgs(['--job', JOB, '--job=b', '--from', '2026-01-01', '--to', '2026-06-30', '--format', 'csv', '--top-n', '10', '--min-share=0.05'])).toEqual({
      request: { jobIds: [JOB, 'b'], from: new Date('2026-01-01T00:00:00.000Z'), to: new Date('2026-07-01T00:00:00.000Z'), topN: 10, minShare: 0.05 },
      format: 'CSV',
    });
  });

  it('defaults to every job, Markdown, top 20 and 2%; takes ISO times as they are', () => {
    expect(parseBiasAuditArgs(['--from', '2026-01-01T08:00:00Z', '--to', '2026-01-02T08:00:00+01:00'])).toEqual({
      request: { jobIds: null, from: new Date('2026-01-01T08:00:00Z'), to: new Date('2026-01-02T07:00:00Z'), topN: 20, minShare: 0.02 },
      format: 'MARKDOWN',
    });
  });

  it.each([
    [['--from', '2026-01-01'], /--from and --to are required/],
    [['--from', 'yesterday', '--to', '2026-01-01'], /--from: "yesterday" is not a date/],
    [['--from', '2026-01-01', '--to', '2026-02-01', '--format', 'pdf'], /--format must be markdown or csv/],
    [['--from', '2026-01-01', '--to', '2026-02-01', '--top-n', 'ten'], /--top-n must be an integer/],
    [['--from', '2026-01-01', '--to', '2026-02-01', '--min-share', '2%'], /--min-share must be a number/],
    [['--from', '2026-01-01', '--to'], /--to needs a value/],
    [['--period', '2026'], /unknown argument --period/],
  ])('refuses %j with the usage', (argv, message) => {
    expect(() => parseBiasAuditArgs(argv)).toThrow(message);
    expect(() => parseBiasAuditArgs(argv)).toThrow(/usage: npm run -s audit:bias/);
  });
});
