import { DEFAULT_MATCH_CONFIG } from '../domain/matching/match-config';
import { matchCandidate, rankCandidates } from '../domain/matching/match-engine';
import type { CandidateEvidence, Requirement } from '../domain/matching/match-types';
import { SkillGraph } from '../domain/taxonomy/skill-graph';
import { SimilarityIndex } from '../domain/taxonomy/similarity';
import { readCatalogue } from './catalogue-files';
import { DemoCandidate, DemoCatalogue, generateDemoPopulation, ROUNDS } from './demo-cohorts';
import type { SeedJob } from './seed-data.types';

const NOW = new Date('2026-12-01T00:00:00Z');
const MONTH = 30.436875 * 86_400_000;
const catalogue = readCatalogue();
const J = catalogue.jobs.length;

function world(c: DemoCatalogue) {
  const graph = SkillGraph.fromTaxonomy({ skills: c.skills.map((s) => ({ id: s.id, category: s.category, halfLifeMonths: null })), broader: c.broader, related: c.related });
  return { sim: new SimilarityIndex(graph), halfLife: (id: string) => (graph.has(id) ? graph.halfLifeOf(id) : 30) };
}

function toEvidence(c: DemoCandidate): CandidateEvidence {
  const earned = new Map(c.credentials.map((e) => [e.id, e]));
  return {
    id: c.id,
    discoverable: c.discoverable,
    evidence: c.evidence.map((e) => {
      const ec = e.earnedCredentialId ? earned.get(e.earnedCredentialId) : undefined;
      return { ...e, verification: ec?.verification ?? null, expiresAt: ec?.expiresAt ?? null, credentialId: ec?.credentialId ?? null };
    }),
  };
}

const requirementsOf = (job: SeedJob): Requirement[] => job.requirements.map((r, i) => ({ id: String(i), ...r }));

describe('generateDemoPopulation', () => {
  const population = generateDemoPopulation({ count: 4 * J + 10, seed: 42, now: NOW, catalogue }).candidates;
  const { sim, halfLife } = world(catalogue);

  it('is deterministic, and a prefix of a larger population', () => {
    const again = generateDemoPopulation({ count: 4 * J + 10, seed: 42, now: NOW, catalogue }).candidates;
    expect(JSON.stringify(again)).toBe(JSON.stringify(population));
    expect(JSON.stringify(generateDemoPopulation({ count: 30, seed: 42, now: NOW, catalogue }).candidates)).toBe(JSON.stringify(population.slice(0, 30)));
    expect(generateDemoPopulation({ count: 30, seed: 43, now: NOW, catalogue }).candidates[0].id).not.toBe(population[0].id);
  });

  it('keeps the demo id scheme: the README learner is candidate 4, discoverable', () => {
    expect(population[4]).toMatchObject({ id: '82e411d0-2065-57ca-abd0-2b37712efe88', discoverable: true });
    expect(new Set(population.map((c) => c.id)).size).toBe(population.length);
    expect(new Set(population.flatMap((c) => [...c.evidence.map((e) => e.id), ...c.credentials.map((e) => e.id)])).size).toBe(
      population.reduce((n, c) => n + c.evidence.length + c.credentials.length, 0),
    );
  });

  it('gives every job each archetype, in rounds of one per job', () => {
    for (const [i, c] of population.entries()) expect([c.jobId, c.archetype]).toEqual([[...catalogue.jobs].sort((a, b) => (a.id < b.id ? -1 : 1))[i % J].id, ROUNDS[Math.floor(i / J) % ROUNDS.length]]);
    for (const job of catalogue.jobs) {
      expect(new Set(population.filter((c) => c.jobId === job.id && c.discoverable).map((c) => c.archetype))).toEqual(new Set(['FULL', 'PARTIAL', 'LAPSED', 'NEIGHBOUR']));
    }
  });

  it('dates everything in the past; credential evidence on its issue date; prerequisites earned first', () => {
    const byId = new Map(catalogue.credentials.map((c) => [c.id, c]));
    for (const c of population) {
      for (const e of c.evidence) expect(e.evidencedAt.getTime()).toBeLessThanOrEqual(NOW.getTime());
      const earned = new Map(c.credentials.map((e) => [e.credentialId, e]));
      for (const e of c.credentials) {
        for (const p of byId.get(e.credentialId)!.prerequisites) expect(earned.get(p)!.issuedAt.getTime()).toBeLessThanOrEqual(e.issuedAt.getTime());
        for (const ev of c.evidence.filter((x) => x.earnedCredentialId === e.id)) expect(ev.evidencedAt).toEqual(e.issuedAt);
      }
    }
  });

  it('fully qualified people meet their job; lapsed ones hold only old credentials; neighbours never hold the required skills', () => {
    for (const c of population) {
      const job = catalogue.jobs.find((j) => j.id === c.jobId)!;
      const match = matchCandidate(toEvidence(c), { requirements: requirementsOf(job) }, sim, halfLife, NOW);
      if (c.archetype === 'FULL') {
        expect(match.meetsMandatory).toBe(true);
        expect(match.score).toBeGreaterThanOrEqual(0.8);
      }
      if (c.archetype === 'LAPSED') {
        for (const e of c.credentials) {
          expect(NOW.getTime() - e.issuedAt.getTime()).toBeGreaterThanOrEqual(47 * MONTH); // a prerequisite up to 6 months earlier
          if (e.expiresAt) expect(e.expiresAt.getTime()).toBeLessThanOrEqual(NOW.getTime());
        }
        expect(match.score).toBeLessThan(0.6);
      }
      if (c.archetype === 'NEIGHBOUR') {
        const required = new Set(job.requirements.map((r) => r.skillId));
        expect(c.evidence.filter((e) => required.has(e.skillId))).toEqual([]);
        expect(match.requirements.every((r) => r.via !== 'EXACT')).toBe(true);
      }
    }
  });

  it('ranks a candidate who meets the mandatory requirements first in at least 90 % of the jobs that have any', () => {
    const people = population.map(toEvidence);
    const withMandatory = catalogue.jobs.filter((j) => j.requirements.some((r) => r.mandatory));
    const met = withMandatory.filter((job) => rankCandidates(people, { requirements: requirementsOf(job) }, sim, halfLife, NOW, DEFAULT_MATCH_CONFIG, { first: 1 }).items[0]?.meetsMandatory);
    expect(met.length / withMandatory.length).toBeGreaterThanOrEqual(0.9);
  });

  it('follows whatever jobs the catalogue defines: a new job outside ICT gets its own candidates', () => {
    const [a, b, c] = catalogue.skills.filter((s) => s.kind === 'skill').slice(-3);
    const credential = { ...catalogue.credentials[0], id: '00000000-0000-5000-8000-00000000c0de', key: 'test-care', name: 'Care test credential', prerequisites: [], components: [], requiredComponents: null, validityMonths: 24, skills: [{ skillId: a.id, level: 4 }] };
    const job: SeedJob = {
      id: '00000000-0000-5000-8000-0000000000a0',
      key: 'test-care-job',
      title: 'Care test job',
      description: '',
      occupationId: catalogue.occupations[0].id,
      requirements: [
        { skillId: a.id, level: 3, weight: 2, mandatory: true },
        { skillId: b.id, level: 2, weight: 1, mandatory: false },
        { skillId: c.id, level: 4, weight: 1, mandatory: true },
      ],
    };
    const extended = { ...catalogue, jobs: [...catalogue.jobs, job], credentials: [...catalogue.credentials, credential] };
    const people = generateDemoPopulation({ count: 4 * (J + 1), seed: 42, now: NOW, catalogue: extended }).candidates;
    const mine = people.filter((p) => p.jobId === job.id);
    expect(mine.map((p) => p.archetype).sort()).toEqual(['FULL', 'LAPSED', 'NEIGHBOUR', 'PARTIAL']);
    const full = mine.find((p) => p.archetype === 'FULL')!;
    expect(full.credentials.map((e) => e.credentialId)).toContain(credential.id);
    const w = world(extended);
    expect(matchCandidate(toEvidence(full), { requirements: requirementsOf(job) }, w.sim, w.halfLife, NOW)).toMatchObject({ meetsMandatory: true, score: 1 });
  });

  it('rejects bad options', () => {
    expect(() => generateDemoPopulation({ count: -1, seed: 1, now: NOW, catalogue })).toThrow(RangeError);
    expect(() => generateDemoPopulation({ count: 1, seed: 1.5, now: NOW, catalogue })).toThrow(RangeError);
    expect(() => generateDemoPopulation({ count: 1, seed: 1, now: new Date('x'), catalogue })).toThrow(RangeError);
    expect(() => generateDemoPopulation({ count: 1, seed: 1, now: NOW, catalogue: { ...catalogue, jobs: [] } })).toThrow('catalogue has no jobs');
  });
});
