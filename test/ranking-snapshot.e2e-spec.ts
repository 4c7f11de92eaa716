import { ok, startTestApp, TestApp } from './support/test-app';

// One consistent snapshot per ranking response: the job and requirements a response shows (the
// nested `job { requirements }`, each match's `requirements[].requirement`, the audit record) are
// the ones it scored, even while updateJob replaces them concurrently.
describe('ranking responses under concurrent updateJob', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('show exactly the requirements they scored, in every response', async () => {
    const skill = async (name: string): Promise<string> => ok(await t.gql(`mutation($n: String!) { createSkill(input: { name: $n, category: TECHNICAL }) { id } }`, { n: name })).createSkill.id;
    const [a, b, c] = [await skill('Snapshot skill A'), await skill('Snapshot skill B'), await skill('Snapshot skill C')];
    const candidate = ok(await t.gql(`mutation { createCandidate(input: { name: "Snapshot Candidate" }) { id } }`)).createCandidate.id;
    for (const s of [a, b, c]) {
      ok(await t.gql(`mutation($c: ID!, $s: ID!) { addSkillEvidence(input: { candidateId: $c, skillId: $s, level: 3, evidencedAt: "2025-01-01T00:00:00Z", source: ASSESSMENT }) { id } }`, { c: candidate, s }));
    }
    const versions = [
      { title: 'Snapshot job v1', requirements: [{ skillId: a, level: 2 }] },
      { title: 'Snapshot job v2', requirements: [{ skillId: b, level: 4 }, { skillId: c, level: 1, mandatory: true }] },
    ];
    const job = ok(await t.gql(`mutation($r: [JobRequirementInput!]!) { createJob(input: { title: "Snapshot job v1", requirements: $r }) { id } }`, { r: versions[0].requirements })).createJob.id;

    const rank = `query($j: ID!) { rankCandidates(jobId: $j, first: 1, minScore: 0.01, asOf: "2025-06-01T00:00:00Z") {
      edges { node { score job { title requirements { id skill { id } level mandatory } } requirements { requirement { id skill { id } level mandatory } } } } } }`;
    let updating = true;
    const updater = (async () => {
      let n = 0;
      while (updating) {
        const v = versions[++n % 2];
        ok(await t.gql(`mutation($j: ID!, $t: String!, $r: [JobRequirementInput!]!) { updateJob(input: { id: $j, title: $t, requirements: $r }) { id } }`, { j: job, t: v.title, r: v.requirements }));
      }
      return n;
    })();
    const inconsistent: string[] = [];
    let responses = 0;
    const seen = new Set<string>();
    const ranking = Promise.all(
      [0, 1, 2].map(async () => {
        for (let i = 0; i < 40; i++) {
          const edges = ok(await t.gql(rank, { j: job })).rankCandidates.edges as any[];
          if (edges.length === 0) continue;
          const node = edges[0].node;
          responses++;
          const flat = (r: any) => ({ id: r.id, skillId: r.skill.id, level: r.level, mandatory: r.mandatory });
          const shown = node.job.requirements.map(flat);
          const scored = node.requirements.map((r: any) => flat(r.requirement));
          seen.add(node.job.title);
          const version = node.job.title === 'Snapshot job v1' ? versions[0] : versions[1];
          const expected = version.requirements.map((r: any) => ({ skillId: r.skillId, level: r.level, mandatory: r.mandatory ?? false }));
          if (JSON.stringify(shown) !== JSON.stringify(scored) || JSON.stringify(shown.map(({ id: _, ...r }: any) => r)) !== JSON.stringify(expected)) {
            inconsistent.push(JSON.stringify({ title: node.job.title, shown, scored }));
          }
        }
      }),
    );
    await ranking.finally(() => (updating = false));
    const updates = await updater;
    expect(updates).toBeGreaterThan(5);
    expect(responses).toBeGreaterThan(60);
    expect(seen.size).toBe(2);
    expect(inconsistent).toEqual([]);
  });
});
