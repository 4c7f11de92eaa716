import { ok, startTestApp, TestApp } from './support/test-app';
import { serverUrl } from './support/test-database';

async function eventually<T>(probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10000): Promise<T> {
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
