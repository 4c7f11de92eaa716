import { Client } from 'pg';
import { ChangeFeedService, LISTEN_APPLICATION_NAME } from '../src/database/change-feed.service';
import { ok, startTestApp, TestApp } from './support/test-app';
import { serverUrl, withDatabase } from './support/test-database';

async function eventually<T>(probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// Two apps on one PostgreSQL database stand for two processes: each keeps in-memory indexes
// (taxonomy graph and search, match index) that must follow the other's writes (LISTEN/NOTIFY).
// PGlite is single-process by design, so this only runs with DATABASE_URL.
const describeOnServer = serverUrl() ? describe : describe.skip;

describeOnServer('change feed across processes (PostgreSQL LISTEN/NOTIFY)', () => {
  let one: TestApp;
  let two: TestApp;
  beforeAll(async () => {
    one = await startTestApp();
    two = await startTestApp({ joinDatabaseOf: one });
  });
  afterAll(async () => {
    await two.app.close();
    await one.close();
  });

  it('a skill created through one process is searchable in the other', async () => {
    ok(await one.gql(`mutation { createSkill(input: { name: "Quantum annealing scheduling", category: TECHNICAL }) { id } }`));
    const hits = await eventually(
      async () => ok(await two.gql(`{ searchSkills(query: "Quantum annealing scheduling", first: 1) { score skill { name } } }`)).searchSkills,
      (h: any[]) => h.length > 0 && h[0].score === 1,
    );
    expect(hits[0]).toEqual({ score: 1, skill: { name: 'Quantum annealing scheduling' } });
  });

  it('evidence added through one process changes the ranking in the other', async () => {
    const skill = ok(await one.gql(`mutation { createSkill(input: { name: "Feed test skill", category: TECHNICAL }) { id } }`)).createSkill.id;
    const job = ok(await one.gql(`mutation($s: ID!) { createJob(input: { title: "Feed job", requirements: [{ skillId: $s, level: 2 }] }) { id } }`, { s: skill })).createJob.id;
    const candidate = ok(await one.gql(`mutation { createCandidate(input: { name: "Feed Candidate" }) { id } }`)).createCandidate.id;
    await eventually(async () => ok(await two.gql(`{ searchSkills(query: "Feed test skill", first: 1) { score } }`)).searchSkills, (h: any[]) => h[0]?.score === 1);
    ok(await one.gql(`mutation($c: ID!, $s: ID!) { addSkillEvidence(input: { candidateId: $c, skillId: $s, level: 2, evidencedAt: "2025-01-01T00:00:00Z", source: ASSESSMENT }) { id } }`, { c: candidate, s: skill }));
    const ranked = await eventually(
      async () => ok(await two.gql(`query($j: ID!) { rankCandidates(jobId: $j, first: 1, minScore: 0.5, asOf: "2025-01-01T00:00:00Z") { totalCount edges { node { score candidate { id } } } } }`, { j: job })).rankCandidates,
      (r: any) => r.totalCount === 1,
    );
    expect(ranked.edges[0].node).toEqual({ score: 1, candidate: { id: candidate } });
  });
});

describeOnServer('change feed after failures (PostgreSQL: cut listener, refused connections)', () => {
  let one: TestApp;
  let two: TestApp;
  let admin: Client;
  let database: string;
  const rank = `query($j: ID!) { rankCandidates(jobId: $j, first: 10, minScore: 0.3, asOf: "2025-06-01T00:00:00Z") { totalCount edges { node { candidate { id } } } } }`;
  const ranked = async (t: TestApp, job: string): Promise<string[]> =>
    (ok(await t.gql(rank, { j: job })).rankCandidates.edges as any[]).map((e) => e.node.candidate.id as string);
  const listeners = async (): Promise<number> =>
    (await admin.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND application_name = $2`, [database, LISTEN_APPLICATION_NAME])).rows[0].n;
  const health = async (t: TestApp): Promise<{ status: number; body: any }> => {
    const response = await fetch(t.url.replace('/graphql', '/health'));
    return { status: response.status, body: await response.json() };
  };
  const feedOf = (t: TestApp) => t.app.get(ChangeFeedService);

  beforeAll(async () => {
    one = await startTestApp();
    two = await startTestApp({ joinDatabaseOf: one });
    database = new URL(one.config.database.url!).pathname.slice(1);
    admin = new Client({ connectionString: withDatabase(serverUrl()!, 'postgres') });
    await admin.connect();
  });
  afterAll(async () => {
    await admin.query(`ALTER DATABASE ${database} ALLOW_CONNECTIONS true`).catch(() => undefined);
    await admin.end();
    await two.app.close();
    await one.close();
  });

  it('catches up every write made while its listener was cut and connections were refused; /health says 503 meanwhile', async () => {
    const skill = ok(await one.gql(`mutation { createSkill(input: { name: "Outage skill", category: TECHNICAL }) { id } }`)).createSkill.id;
    const job = ok(await one.gql(`mutation($s: ID!) { createJob(input: { title: "Outage job", requirements: [{ skillId: $s, level: 2 }] }) { id } }`, { s: skill })).createJob.id;
    const evidence = `mutation($c: ID!, $s: ID!) { addSkillEvidence(input: { candidateId: $c, skillId: $s, level: 2, evidencedAt: "2025-01-01T00:00:00Z", source: ASSESSMENT }) { id } }`;
    const hider = ok(await one.gql(`mutation { createCandidate(input: { name: "Outage Hider" }) { id } }`)).createCandidate.id;
    const newcomer = ok(await one.gql(`mutation { createCandidate(input: { name: "Outage Newcomer" }) { id } }`)).createCandidate.id;
    ok(await one.gql(evidence, { c: hider, s: skill }));
    await eventually(() => ranked(two, job), (ids) => ids.length === 1);
    expect(await ranked(two, job)).toEqual([hider]);
    expect(await listeners()).toBe(2);

    // the outage: no new connections to the database, and the second process's listener is cut
    await admin.query(`ALTER DATABASE ${database} ALLOW_CONNECTIONS false`);
    const pid = feedOf(two).backendPid();
    expect(pid).not.toBeNull();
    await admin.query(`SELECT pg_terminate_backend($1)`, [pid]);
    // meanwhile, through the first process (its pooled connections stay up): new evidence, and a candidate hiding themself
    ok(await one.gql(evidence, { c: newcomer, s: skill }));
    ok(await one.gql(`mutation($c: ID!) { updateCandidate(input: { id: $c, discoverable: false }) { id } }`, { c: hider }));
    const down = await eventually(() => health(two), (h) => h.status === 503);
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ status: 'error', changeFeed: { mode: 'listen', listening: false, current: false } });
    expect(down.body.reason).toMatch(/change feed not listening/);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(feedOf(two).status().listening).toBe(false);

    await admin.query(`ALTER DATABASE ${database} ALLOW_CONNECTIONS true`);
    const recovered = Date.now();
    const after = await eventually(() => ranked(two, job), (ids) => ids.length === 1 && ids[0] === newcomer);
    const catchUpMs = Date.now() - recovered;
    expect(after).toEqual([newcomer]);
    expect(await ranked(one, job)).toEqual([newcomer]);
    const up = await eventually(() => health(two), (h) => h.status === 200);
    expect(up.body).toMatchObject({ status: 'ok', changeFeed: { listening: true, current: true, pendingGaps: 0 } });
    expect(await listeners()).toBe(2);
    process.stdout.write(`change feed: writes made during a 3 s outage visible in the other process ${catchUpMs} ms after connections were allowed again\n`);
  });

  it('keeps exactly one listener connection per process through repeated cuts, and applies a write after them', async () => {
    const counts: number[] = [];
    let most = 0;
    for (let cut = 0; cut < 10; cut++) {
      const old = [feedOf(one).backendPid(), feedOf(two).backendPid()];
      await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND application_name = $2`, [database, LISTEN_APPLICATION_NAME]);
      await eventually(
        async () => {
          const n = await listeners();
          most = Math.max(most, n);
          const pids = [feedOf(one).backendPid(), feedOf(two).backendPid()];
          return pids.every((p, i) => p !== null && p !== old[i]) && n === 2;
        },
        (done) => done,
      );
      counts.push(await listeners());
    }
    expect(most).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 500));
    counts.push(await listeners());
    expect(counts).toEqual(Array(11).fill(2));
    const skill = ok(await one.gql(`mutation { createSkill(input: { name: "After the cuts skill", category: TECHNICAL }) { id } }`)).createSkill.id;
    const hits = await eventually(
      async () => ok(await two.gql(`{ searchSkills(query: "After the cuts skill", first: 1) { skill { id } } }`)).searchSkills,
      (h: any[]) => h[0]?.skill.id === skill,
    );
    expect(hits[0].skill.id).toBe(skill);
    expect(feedOf(two).status()).toMatchObject({ current: true, reconnects: 11 });
    process.stdout.write(`change feed: listener connections after 10 cuts of both processes: ${counts.at(-1)} (one per process)\n`);
  });

  it('a rolled-back write leaves a gap that resolves, and a write committed after a later one is still applied', async () => {
    const feed = feedOf(two);
    const url = one.config.database.url!;
    const slow = new Client({ connectionString: url });
    const quick = new Client({ connectionString: url });
    await slow.connect();
    await quick.connect();
    try {
      const skill = ok(await one.gql(`mutation { createSkill(input: { name: "Gap skill", category: TECHNICAL }) { id } }`)).createSkill.id;
      const job = ok(await one.gql(`mutation($s: ID!) { createJob(input: { title: "Gap job", requirements: [{ skillId: $s, level: 2 }] }) { id } }`, { s: skill })).createJob.id;
      const [late, early] = await Promise.all(
        ['Gap Late', 'Gap Early'].map(async (name) => ok(await one.gql(`mutation($n: String!) { createCandidate(input: { name: $n }) { id } }`, { n: name })).createCandidate.id as string),
      );
      const insert = `INSERT INTO skill_evidence (candidate_id, skill_id, level, evidenced_at, source) VALUES ($1, $2, 2, '2025-01-01', 'ASSESSMENT')`;
      // a rolled-back write takes a sequence number that never commits
      await slow.query('BEGIN');
      await slow.query(insert, [early, skill]);
      await slow.query('ROLLBACK');
      // "late" takes its number first and commits after "early"
      await slow.query('BEGIN');
      await slow.query(insert, [late, skill]);
      await quick.query(insert, [early, skill]);
      await eventually(() => ranked(two, job), (ids) => ids.includes(early));
      expect(feed.status().pendingGaps).toBeGreaterThan(0);
      await slow.query('COMMIT');
      const both = await eventually(() => ranked(two, job), (ids) => ids.length === 2);
      expect([...both].sort()).toEqual([early, late].sort());
      await eventually(async () => feed.status().pendingGaps, (n) => n === 0);
      expect(feed.status()).toMatchObject({ current: true, pendingGaps: 0 });
    } finally {
      await slow.end();
      await quick.end();
    }
  });
});

describe('change log (both databases)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('each committed write to an indexed table is logged in its own transaction, with the ids it changed; a rolled-back one is not', async () => {
    const last = async (): Promise<number> => Number((await t.dataSource.query(`SELECT coalesce(max(seq), 0) AS n FROM change_log`))[0].n);
    const since = async (seq: number) => t.dataSource.query(`SELECT kind, ids::text[] AS ids FROM change_log WHERE seq > $1 ORDER BY seq`, [seq]);
    const start = await last();
    const skill = ok(await t.gql(`mutation { createSkill(input: { name: "Logged skill", category: TECHNICAL }) { id } }`)).createSkill.id;
    const candidate = ok(await t.gql(`mutation { createCandidate(input: { name: "Logged Candidate" }) { id } }`)).createCandidate.id;
    expect(await since(start)).toEqual([
      { kind: 'taxonomy.changed', ids: [skill] },
      { kind: 'candidate.changed', ids: [candidate] },
    ]);
    const before = await last();
    // a refused mutation and a rolled-back write log nothing
    const failed = await t.gql(`mutation($c: ID!, $s: ID!) { addSkillEvidence(input: { candidateId: $c, skillId: $s, level: 9, evidencedAt: "2025-01-01T00:00:00Z", source: ASSESSMENT }) { id } }`, {
      c: candidate,
      s: skill,
    });
    expect(failed.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    await expect(
      t.dataSource.transaction(async (manager) => {
        await manager.query(`UPDATE candidate SET discoverable = false WHERE id = $1`, [candidate]);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await since(before)).toEqual([]);
  });
});
