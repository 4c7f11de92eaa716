import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  HISTORY_MS,
  MAX_CREDENTIALS,
  MAX_EVIDENCE,
  MIN_EVIDENCE,
  addMonthsUtc,
  generatePopulation,
  iteratePopulation,
  iteratePopulationBatches,
} from './demo-population';
import type {
  GeneratedCandidate,
  PopulationCatalogue,
  SeedBroaderEdge,
  SeedCredential,
  SeedJob,
  SeedOccupation,
  SeedRelatedEdge,
  SeedSkill,
} from './seed-data.types';
import { isUuid, stableUuid, stableUuidSequence, uuidV5 } from './stable-id';

const CATALOGUE_DIR = join(__dirname, '..', '..', 'data', 'catalogue');

function load<T>(name: string): T {
  return JSON.parse(readFileSync(join(CATALOGUE_DIR, `${name}.json`), 'utf8')) as T;
}

const skills = load<SeedSkill[]>('skills');
const broader = load<SeedBroaderEdge[]>('broader');
const related = load<SeedRelatedEdge[]>('related');
const occupations = load<SeedOccupation[]>('occupations');
const credentials = load<SeedCredential[]>('credentials');
const jobs = load<SeedJob[]>('jobs');
const catalogue: PopulationCatalogue = { skills, occupations, credentials };

const skillById = new Map(skills.map((s) => [s.id, s]));
const credentialById = new Map(credentials.map((c) => [c.id, c]));
const occupationById = new Map(occupations.map((o) => [o.id, o]));
const NOW = new Date('2025-06-01T12:00:00Z');

/** Kahn's algorithm: true if the directed graph has no cycle. */
function isAcyclic(edges: ReadonlyArray<readonly [string, string]>): boolean {
  const indegree = new Map<string, number>();
  const out = new Map<string, string[]>();
  for (const [from, to] of edges) {
    indegree.set(from, indegree.get(from) ?? 0);
    indegree.set(to, (indegree.get(to) ?? 0) + 1);
    out.set(from, [...(out.get(from) ?? []), to]);
  }
  const queue = [...indegree].filter(([, d]) => d === 0).map(([n]) => n);
  let visited = 0;
  while (queue.length > 0) {
    const node = queue.pop() as string;
    visited++;
    for (const next of out.get(node) ?? []) {
      const d = (indegree.get(next) as number) - 1;
      indegree.set(next, d);
      if (d === 0) queue.push(next);
    }
  }
  return visited === indegree.size;
}

describe('stable ids', () => {
  it('implements RFC 4122 v5', () => {
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('is deterministic per namespace and key', () => {
    const a = stableUuid('esco', 'http://data.europa.eu/esco/skill/x');
    expect(stableUuid('esco', 'http://data.europa.eu/esco/skill/x')).toBe(a);
    expect(stableUuid('job', 'http://data.europa.eu/esco/skill/x')).not.toBe(a);
    expect(isUuid(a)).toBe(true);
  });

  it('derives distinct uuid-shaped members of a sequence', () => {
    const seq = stableUuidSequence('demo', 'k');
    const ids = Array.from({ length: 200 }, (_, i) => seq(i));
    expect(new Set(ids).size).toBe(200);
    expect(ids.every(isUuid)).toBe(true);
    expect(stableUuidSequence('demo', 'k')(7)).toBe(ids[7]);
    expect(() => seq(-1)).toThrow(RangeError);
  });
});

describe('addMonthsUtc', () => {
  it('clamps to the end of shorter months', () => {
    expect(addMonthsUtc(new Date('2024-01-31T10:00:00Z'), 1).toISOString()).toBe('2024-02-29T10:00:00.000Z');
    expect(addMonthsUtc(new Date('2023-11-15T00:00:00Z'), 36).toISOString()).toBe('2026-11-15T00:00:00.000Z');
  });
});

describe('seed catalogue invariants (data/catalogue)', () => {
  it('has unique skill ids and uris derived from the uri, with valid kinds, categories and aliases', () => {
    expect(new Set(skills.map((s) => s.id)).size).toBe(skills.length);
    expect(new Set(skills.map((s) => s.uri)).size).toBe(skills.length);
    const invalid = skills.filter(
      (skill) =>
        skill.id !== stableUuid('esco', skill.uri) ||
        !['skill', 'knowledge', 'group'].includes(skill.kind) ||
        !['TECHNICAL', 'DURABLE'].includes(skill.category) ||
        skill.name.trim() === '' ||
        skill.aliases.some((a) => a.toLowerCase() === skill.name.toLowerCase()) ||
        new Set(skill.aliases).size !== skill.aliases.length,
    );
    expect(invalid.map((s) => s.uri)).toEqual([]);
    expect(skills.some((s) => s.category === 'DURABLE')).toBe(true);
  });

  it('has an acyclic broader hierarchy over existing nodes where every skill reaches a root', () => {
    const pairs = new Set(broader.map(([child, parent]) => `${child}|${parent}`));
    expect(broader.filter(([child, parent]) => !skillById.has(child) || !skillById.has(parent))).toEqual([]);
    expect(pairs.size).toBe(broader.length);
    expect(isAcyclic(broader)).toBe(true);
    const withParent = new Set(broader.map(([child]) => child));
    const roots = skills.filter((s) => !withParent.has(s.id));
    expect(roots.every((r) => r.kind === 'group')).toBe(true);
  });

  it('has weighted related edges between existing skills, no self-loops or duplicates', () => {
    const pairs = new Set(related.map(([from, to]) => `${from}|${to}`));
    const invalid = related.filter(
      ([from, to, weight]) => !skillById.has(from) || !skillById.has(to) || from === to || ![0.5, 0.8].includes(weight),
    );
    expect(invalid).toEqual([]);
    expect(pairs.size).toBe(related.length);
  });

  it('has ICT occupations that reference existing non-group skills', () => {
    expect(occupations.length).toBeGreaterThanOrEqual(90);
    expect(new Set(occupations.map((o) => o.uri)).size).toBe(occupations.length);
    const invalid = occupations.filter(
      (o) =>
        o.id !== stableUuid('esco', o.uri) ||
        !(/^(25|35)/.test(o.iscoGroup) || o.iscoGroup === '1330') ||
        o.essential.length === 0 ||
        [...o.essential, ...o.optional].some((id) => !skillById.has(id) || skillById.get(id)?.kind === 'group') ||
        o.optional.some((id) => o.essential.includes(id)),
    );
    expect(invalid.map((o) => o.code)).toEqual([]);
  });

  it('has at least 80 well-formed credentials with acyclic prerequisites and components', () => {
    expect(credentials.length).toBeGreaterThanOrEqual(80);
    expect(new Set(credentials.map((c) => c.key)).size).toBe(credentials.length);
    const types = ['MICRO_CREDENTIAL', 'BADGE', 'CERTIFICATE', 'CERTIFICATION', 'DEGREE'];
    for (const c of credentials) {
      expect(c.id).toBe(stableUuid('credential', c.key));
      expect(types).toContain(c.type);
      expect(c.hours).toBeGreaterThanOrEqual(0);
      expect(c.cost).toBeGreaterThanOrEqual(0);
      expect(c.validityMonths === null || (Number.isInteger(c.validityMonths) && c.validityMonths > 0)).toBe(true);
      expect(c.skills.length).toBeGreaterThanOrEqual(1);
      expect(c.skills.length).toBeLessThanOrEqual(6);
      for (const { skillId, level } of c.skills) {
        expect(skillById.get(skillId)?.kind).not.toBe('group');
        expect(Number.isInteger(level) && level >= 1 && level <= 5).toBe(true);
      }
      for (const ref of [...c.prerequisites, ...c.components]) expect(credentialById.has(ref)).toBe(true);
      if (c.components.length === 0) expect(c.requiredComponents).toBeNull();
      else expect(c.requiredComponents).toBeGreaterThanOrEqual(1);
    }
    const edges = credentials.flatMap((c) => [...c.prerequisites, ...c.components].map((r): [string, string] => [c.id, r]));
    expect(isAcyclic(edges)).toBe(true);
    expect(credentials.filter((c) => c.prerequisites.length > 0).length).toBeGreaterThanOrEqual(10);
    expect(new Set(credentials.map((c) => c.issuer)).size).toBeGreaterThanOrEqual(10);
  });

  it('has at least 8 N-of-M stacks that award academic credits', () => {
    const stacks = credentials.filter(
      (c) =>
        c.components.length >= 2 &&
        c.requiredComponents !== null &&
        c.requiredComponents <= c.components.length &&
        c.academicCredits !== null &&
        c.academicCredits > 0,
    );
    expect(stacks.length).toBeGreaterThanOrEqual(8);
  });

  it('has at least 20 jobs with 8-15 valid requirements drawn from their occupation', () => {
    expect(jobs.length).toBeGreaterThanOrEqual(20);
    const taught = new Set(credentials.flatMap((c) => c.skills.map((s) => s.skillId)));
    for (const job of jobs) {
      expect(job.id).toBe(stableUuid('job', job.key));
      const occupation = occupationById.get(job.occupationId) as SeedOccupation;
      expect(occupation).toBeDefined();
      expect(job.requirements.length).toBeGreaterThanOrEqual(8);
      expect(job.requirements.length).toBeLessThanOrEqual(15);
      const mandatory = job.requirements.filter((r) => r.mandatory).length;
      expect(mandatory).toBeGreaterThanOrEqual(1);
      expect(mandatory).toBeLessThanOrEqual(3);
      expect(new Set(job.requirements.map((r) => r.skillId)).size).toBe(job.requirements.length);
      for (const r of job.requirements) {
        expect([...occupation.essential, ...occupation.optional]).toContain(r.skillId);
        expect(Number.isInteger(r.level) && r.level >= 1 && r.level <= 5).toBe(true);
        expect(r.weight).toBeGreaterThan(0);
      }
      expect(job.requirements.filter((r) => taught.has(r.skillId)).length).toBeGreaterThanOrEqual(4);
    }
  });
});

describe('generatePopulation', () => {
  const COUNT = 1000;
  const population = generatePopulation({ count: COUNT, seed: 7, now: NOW, catalogue });
  const candidates: GeneratedCandidate[] = population.candidates;

  it('is deterministic for a seed and prefix-stable', () => {
    const again = generatePopulation({ count: COUNT, seed: 7, now: NOW, catalogue });
    expect(JSON.stringify(again)).toBe(JSON.stringify(population));
    const prefix = generatePopulation({ count: 50, seed: 7, now: NOW, catalogue });
    expect(prefix.candidates).toEqual(candidates.slice(0, 50));
  });

  it('differs for a different seed', () => {
    const other = generatePopulation({ count: 50, seed: 8, now: NOW, catalogue }).candidates;
    expect(other.map((c) => c.id)).not.toEqual(candidates.slice(0, 50).map((c) => c.id));
    expect(other.map((c) => c.name)).not.toEqual(candidates.slice(0, 50).map((c) => c.name));
  });

  it('produces the requested count with unique uuid ids and emails', () => {
    expect(candidates).toHaveLength(COUNT);
    const ids = candidates.flatMap((c) => [c.id, ...c.credentials.map((e) => e.id), ...c.evidence.map((e) => e.id)]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every(isUuid)).toBe(true);
    expect(new Set(candidates.map((c) => c.email)).size).toBe(COUNT);
    expect(candidates.every((c) => /^[a-z]+\.[a-z]+\.\d+@example\.com$/.test(c.email))).toBe(true);
  });

  it('gives every candidate 5 to 30 evidence and at most 6 credentials', () => {
    const violations = candidates.filter(
      (c) =>
        c.evidence.length < MIN_EVIDENCE ||
        c.evidence.length > MAX_EVIDENCE ||
        c.credentials.length > MAX_CREDENTIALS ||
        new Set(c.credentials.map((e) => e.credentialId)).size !== c.credentials.length,
    );
    expect(violations.map((c) => c.id)).toEqual([]);
    const mean = candidates.reduce((sum, c) => sum + c.evidence.length, 0) / COUNT;
    expect(mean).toBeGreaterThan(15);
    expect(mean).toBeLessThan(20);
    expect(candidates.some((c) => c.credentials.length === 0)).toBe(true);
    expect(candidates.some((c) => c.credentials.length >= 4)).toBe(true);
  });

  it('matches credential evidence to the credential skills and levels', () => {
    const violations: string[] = [];
    for (const c of candidates) {
      for (const earned of c.credentials) {
        const credential = credentialById.get(earned.credentialId) as SeedCredential;
        const linked = c.evidence.filter((e) => e.earnedCredentialId === earned.id);
        const got = JSON.stringify(linked.map((e) => [e.skillId, e.level]));
        if (got !== JSON.stringify(credential.skills.map((s) => [s.skillId, s.level]))) violations.push(`${earned.id} skills`);
        if (linked.some((e) => e.source !== 'CREDENTIAL' || e.evidencedAt.getTime() !== earned.issuedAt.getTime())) {
          violations.push(`${earned.id} source/date`);
        }
      }
      const earnedIds = new Set(c.credentials.map((e) => e.id));
      for (const e of c.evidence) {
        const ok = e.source === 'CREDENTIAL' ? earnedIds.has(e.earnedCredentialId as string) : e.earnedCredentialId === null;
        if (!ok) violations.push(`${e.id} link`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('draws direct evidence from the occupation profile with levels 1..5', () => {
    const sources = new Set<string>();
    const violations: string[] = [];
    for (const c of candidates) {
      const occupation = occupationById.get(c.occupationId) as SeedOccupation;
      const profile = new Set([...occupation.essential, ...occupation.optional]);
      for (const e of c.evidence.filter((x) => x.source !== 'CREDENTIAL')) {
        sources.add(e.source);
        if (!profile.has(e.skillId) || !Number.isInteger(e.level) || e.level < 1 || e.level > 5) violations.push(e.id);
      }
    }
    expect(violations).toEqual([]);
    expect([...sources].sort()).toEqual(['ASSESSMENT', 'EXPERIENCE', 'SELF_REPORTED']);
  });

  it('earns prerequisites and stack components before their dependants', () => {
    let checkedPrerequisites = 0;
    let checkedStacks = 0;
    const violations: string[] = [];
    for (const c of candidates) {
      const issued = new Map(c.credentials.map((e) => [e.credentialId, e.issuedAt.getTime()]));
      for (const earned of c.credentials) {
        const credential = credentialById.get(earned.credentialId) as SeedCredential;
        const at = earned.issuedAt.getTime();
        for (const prerequisite of credential.prerequisites) {
          if (!((issued.get(prerequisite) ?? Infinity) < at)) violations.push(`${earned.id} prerequisite`);
          checkedPrerequisites++;
        }
        if (credential.requiredComponents !== null) {
          const before = credential.components.filter((id) => (issued.get(id) ?? Infinity) < at);
          if (before.length < credential.requiredComponents) violations.push(`${earned.id} components`);
          checkedStacks++;
        }
      }
    }
    expect(violations).toEqual([]);
    expect(checkedPrerequisites).toBeGreaterThan(0);
    expect(checkedStacks).toBeGreaterThan(0);
  });

  it('dates everything within the 8 years before now and derives expiry from validity', () => {
    const earliest = NOW.getTime() - HISTORY_MS;
    let expired = 0;
    let unverified = 0;
    const violations: string[] = [];
    for (const c of candidates) {
      const dates = [...c.credentials.map((e) => e.issuedAt), ...c.evidence.map((e) => e.evidencedAt)];
      if (dates.some((d) => d.getTime() <= earliest || d.getTime() > NOW.getTime())) violations.push(`${c.id} dates`);
      for (const earned of c.credentials) {
        const months = (credentialById.get(earned.credentialId) as SeedCredential).validityMonths;
        const expected = months === null ? null : addMonthsUtc(earned.issuedAt, months).getTime();
        if ((earned.expiresAt?.getTime() ?? null) !== expected) violations.push(`${earned.id} expiry`);
        if (earned.expiresAt && earned.expiresAt < NOW) expired++;
        if (earned.verification === 'UNVERIFIED') unverified++;
      }
    }
    expect(violations).toEqual([]);
    const total = candidates.reduce((sum, c) => sum + c.credentials.length, 0);
    expect(expired).toBeGreaterThan(0);
    expect(unverified).toBeGreaterThan(0);
    expect(unverified / total).toBeLessThan(0.15);
  });

  it('makes about 90% of candidates discoverable', () => {
    const rate = candidates.filter((c) => c.discoverable).length / COUNT;
    expect(rate).toBeGreaterThan(0.85);
    expect(rate).toBeLessThan(0.95);
  });

  it('streams the same candidates in batches', () => {
    const opts = { count: 120, seed: 7, now: NOW, catalogue };
    const batches = [...iteratePopulationBatches(opts, 50)];
    expect(batches.map((b) => b.length)).toEqual([50, 50, 20]);
    const expected = JSON.stringify(candidates.slice(0, 120));
    expect(JSON.stringify(batches.flat())).toBe(expected);
    expect(JSON.stringify([...iteratePopulation(opts)])).toBe(expected);
  });

  it('rejects invalid options', () => {
    expect(() => generatePopulation({ count: -1, seed: 1, now: NOW, catalogue })).toThrow(RangeError);
    expect(() => generatePopulation({ count: 1, seed: 1.5, now: NOW, catalogue })).toThrow(RangeError);
    expect(() => generatePopulation({ count: 1, seed: 1, now: new Date('x'), catalogue })).toThrow(RangeError);
    expect(() => iteratePopulation({ count: 1, seed: -1, now: NOW, catalogue })).toThrow(RangeError);
    expect(() => iteratePopulationBatches({ count: 1, seed: 1, now: NOW, catalogue }, 0)).toThrow(RangeError);
  });
});
