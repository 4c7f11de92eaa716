/**
 * The demo population: candidates generated from the seed catalogue's jobs and occupation
 * profiles, so that every seeded job — whatever jobs the catalogue defines — has people a
 * newcomer can believe in:
 *
 *   FULL       fully qualified: recent catalogue credentials that teach the required skills at
 *              their level, and recent assessments for whatever no credential covers;
 *   PARTIAL    partly qualified: the mandatory requirements mostly met, about half of the
 *              others, at or just below the level;
 *   LAPSED     once qualified, years ago: old credentials (expired where they have a validity)
 *              and old experience, decayed well below the level;
 *   NEIGHBOUR  from a neighbouring occupation: strong, recent evidence of skills next to the
 *              required ones in the taxonomy (narrower, related, broader, siblings), never the
 *              required skills themselves, plus the essential skills of the nearest other
 *              occupation.
 *
 * Candidate i is generated for job i mod J in archetype ROUNDS[⌊i / J⌋ mod 8], so the first J
 * candidates are one fully qualified person per job, the next J partly qualified ones, and so on:
 * 4 J candidates give every job each archetype. Every candidate also gets a few skills of its
 * occupation's profile. The first four rounds are always discoverable, later ones 90 %.
 *
 * Pure and deterministic: candidate i depends only on (seed, i, now, catalogue); the first N of a
 * larger population equal a population of N. Candidate ids are the demo id scheme
 * (stableUuidSequence('demo-candidate', seed)), children ids as in `demo-population.ts`.
 */
import type {
  EvidenceSource,
  GeneratedCandidate,
  GeneratedEarnedCredential,
  GeneratedEvidence,
  GeneratedPopulation,
  SeedCatalogue,
  SeedCredential,
  SeedJob,
  SeedOccupation,
} from './seed-data.types';
import { addMonthsUtc, FIRST_NAMES, LAST_NAMES, RandomGenerator, uniformInt, xoroshiro128plus } from './demo-population';
import { stableUuidSequence } from './stable-id';

export type DemoArchetype = 'FULL' | 'PARTIAL' | 'LAPSED' | 'NEIGHBOUR';
export const ROUNDS: readonly DemoArchetype[] = ['FULL', 'PARTIAL', 'LAPSED', 'NEIGHBOUR', 'PARTIAL', 'FULL', 'NEIGHBOUR', 'LAPSED'];

/** The part of the catalogue the generator reads. */
export type DemoCatalogue = Pick<SeedCatalogue, 'skills' | 'occupations' | 'credentials' | 'jobs' | 'broader' | 'related'>;

export interface DemoPopulationOptions {
  count: number;
  seed: number;
  now: Date;
  catalogue: DemoCatalogue;
}

export interface DemoCandidate extends GeneratedCandidate {
  /** the job the candidate was generated for, and how */
  jobId: string;
  archetype: DemoArchetype;
}

const MAX_CREDENTIALS = 4;
const PROFILE_EXTRAS: readonly [number, number] = [2, 5];
const DISCOVERABLE_RATE = 0.9;
const EVIDENCE_ID_OFFSET = 64;
const DAY_MS = 86_400_000;
const MONTH_MS = 30.436875 * DAY_MS;

// ---------------------------------------------------------------- model

interface Model {
  jobs: readonly SeedJob[];
  occupationById: ReadonlyMap<string, SeedOccupation>;
  /** the other occupation sharing most essential skills with each occupation */
  neighbourOccupation: ReadonlyMap<string, SeedOccupation>;
  /** skill → credentials (without components) teaching it, with the level */
  teachers: ReadonlyMap<string, readonly { credential: SeedCredential; level: number }[]>;
  credentialById: ReadonlyMap<string, SeedCredential>;
  narrower: ReadonlyMap<string, readonly string[]>;
  broader: ReadonlyMap<string, readonly string[]>;
  related: ReadonlyMap<string, readonly string[]>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function buildModel(c: DemoCatalogue): Model {
  const jobs = [...c.jobs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (jobs.length === 0) throw new Error('catalogue has no jobs');
  const occupationById = new Map(c.occupations.map((o) => [o.id, o]));
  const neighbourOccupation = new Map<string, SeedOccupation>();
  for (const o of c.occupations) {
    const mine = new Set(o.essential);
    let best: SeedOccupation | null = null;
    let bestOverlap = 0;
    for (const other of c.occupations) {
      if (other.id === o.id) continue;
      const overlap = other.essential.filter((s) => mine.has(s)).length;
      if (overlap > bestOverlap || (overlap === bestOverlap && overlap > 0 && best !== null && other.id < best.id)) {
        best = other;
        bestOverlap = overlap;
      }
    }
    if (best) neighbourOccupation.set(o.id, best);
  }
  const credentialById = new Map(c.credentials.map((cr) => [cr.id, cr]));
  const teachers = new Map<string, { credential: SeedCredential; level: number }[]>();
  for (const cr of c.credentials) {
    if (cr.components.length > 0 || !earnable(cr, credentialById, new Set())) continue;
    for (const s of cr.skills) push(teachers, s.skillId, { credential: cr, level: s.level });
  }
  const narrower = new Map<string, string[]>();
  const broader = new Map<string, string[]>();
  for (const [child, parent] of c.broader) {
    push(narrower, parent, child);
    push(broader, child, parent);
  }
  const related = new Map<string, string[]>();
  for (const [a, b] of c.related) {
    push(related, a, b);
    push(related, b, a);
  }
  return { jobs, occupationById, neighbourOccupation, teachers, credentialById, narrower, broader, related };
}

/** A credential without components whose prerequisites (transitively) have none either. */
function earnable(cr: SeedCredential, byId: ReadonlyMap<string, SeedCredential>, seen: Set<string>): boolean {
  if (cr.components.length > 0 || seen.has(cr.id)) return false;
  seen.add(cr.id);
  return cr.prerequisites.every((p) => {
    const pre = byId.get(p);
    return pre !== undefined && earnable(pre, byId, seen);
  });
}

// ---------------------------------------------------------------- random helpers

function unit(rng: RandomGenerator): number {
  return (rng.next() >>> 0) / 4_294_967_296;
}

function pick<T>(rng: RandomGenerator, items: readonly T[]): T {
  return items[uniformInt(rng, 0, items.length - 1)];
}

function shuffled<T>(rng: RandomGenerator, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = uniformInt(rng, 0, i);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** A whole-second instant `months` (uniform in [from, to]) before now. */
function monthsAgo(rng: RandomGenerator, nowMs: number, from: number, to: number): number {
  const ms = nowMs - (from + unit(rng) * (to - from)) * MONTH_MS;
  return Math.min(nowMs, Math.floor(ms / 1000) * 1000);
}

// ---------------------------------------------------------------- one candidate

class Builder {
  readonly credentials: GeneratedEarnedCredential[] = [];
  readonly evidence: GeneratedEvidence[] = [];
  private readonly held = new Set<string>();
  private readonly issued = new Map<string, number>();

  constructor(
    private readonly rng: RandomGenerator,
    private readonly model: Model,
    private readonly childIds: (n: number) => string,
    private readonly nowMs: number,
  ) {}

  holds(credentialId: string): boolean {
    return this.held.has(credentialId);
  }

  /** Earns `cr` (its missing prerequisites first, each a few months earlier), issued at `issuedMs`. */
  /**
   * Catalogue credentials are earned from their issuer, so their records are VERIFIED: an unverified
   * import never maps onto the catalogue (it stays the learner's own record). The draw is kept so
   * that the rest of the population stays as it was generated before.
   */
  private verification(): 'VERIFIED' {
    unit(this.rng);
    return 'VERIFIED';
  }

  earn(cr: SeedCredential, issuedMs: number): void {
    if (this.held.has(cr.id)) return;
    this.held.add(cr.id);
    let after = -Infinity; // the latest prerequisite's issue date (one held already may be recent)
    for (const p of cr.prerequisites) {
      const pre = this.model.credentialById.get(p) as SeedCredential;
      this.earn(pre, Math.max(0, issuedMs - uniformInt(this.rng, 1, 6) * MONTH_MS));
      after = Math.max(after, this.issued.get(p) as number);
    }
    if (issuedMs <= after) issuedMs = Math.min(this.nowMs, after + uniformInt(this.rng, 1, 3) * MONTH_MS);
    const issuedAt = new Date(Math.floor(issuedMs / 1000) * 1000);
    this.issued.set(cr.id, issuedAt.getTime());
    const earned: GeneratedEarnedCredential = {
      id: this.childIds(this.credentials.length),
      credentialId: cr.id,
      issuedAt,
      expiresAt: cr.validityMonths === null ? null : addMonthsUtc(issuedAt, cr.validityMonths),
      verification: this.verification(),
    };
    this.credentials.push(earned);
    for (const s of cr.skills) {
      this.evidence.push({
        id: this.childIds(EVIDENCE_ID_OFFSET + this.evidence.length),
        skillId: s.skillId,
        level: s.level,
        evidencedAt: issuedAt,
        source: 'CREDENTIAL',
        earnedCredentialId: earned.id,
      });
    }
  }

  direct(skillId: string, level: number, source: Exclude<EvidenceSource, 'CREDENTIAL'>, atMs: number): void {
    this.evidence.push({
      id: this.childIds(EVIDENCE_ID_OFFSET + this.evidence.length),
      skillId,
      level: Math.max(1, Math.min(5, level)),
      evidencedAt: new Date(Math.min(this.nowMs, atMs)),
      source,
      earnedCredentialId: null,
    });
  }

  /**
   * Earns up to `max` catalogue credentials teaching the given requirements at their level (greedy:
   * most requirements per credential first), issued `from`..`to` months ago; returns the requirements
   * they cover.
   */
  earnCovering(requirements: readonly SeedJob['requirements'][number][], max: number, from: number, to: number): Set<string> {
    const covered = new Set<string>();
    for (let n = 0; n < max; n++) {
      const gain = new Map<string, { credential: SeedCredential; count: number }>();
      for (const r of requirements) {
        if (covered.has(r.skillId)) continue;
        for (const t of this.model.teachers.get(r.skillId) ?? []) {
          if (t.level < r.level || this.held.has(t.credential.id)) continue;
          const g = gain.get(t.credential.id) ?? { credential: t.credential, count: 0 };
          g.count++;
          gain.set(t.credential.id, g);
        }
      }
      let best: { credential: SeedCredential; count: number } | null = null;
      for (const g of [...gain.values()].sort((a, b) => (a.credential.id < b.credential.id ? -1 : 1))) {
        if (best === null || g.count > best.count) best = g;
      }
      if (best === null) break;
      let issued = monthsAgo(this.rng, this.nowMs, from, to);
      const validity = best.credential.validityMonths;
      // a fresh credential is still valid: issued within the first half of its validity
      if (validity !== null && to < 24 && this.nowMs - issued >= (validity / 2) * MONTH_MS) issued = this.nowMs - (validity / 2) * MONTH_MS * unit(this.rng);
      this.earn(best.credential, issued);
      for (const s of best.credential.skills) {
        for (const r of requirements) if (r.skillId === s.skillId && s.level >= r.level) covered.add(r.skillId);
      }
    }
    return covered;
  }
}

function neighboursOf(model: Model, skillId: string, exclude: ReadonlySet<string>): string[][] {
  const keep = (ids: readonly string[] | undefined): string[] => (ids ?? []).filter((s) => !exclude.has(s) && s !== skillId);
  const parents = model.broader.get(skillId) ?? [];
  const siblings = parents.flatMap((p) => model.narrower.get(p) ?? []);
  return [keep(model.narrower.get(skillId)), keep(model.related.get(skillId)), keep(parents), keep([...new Set(siblings)])];
}

function generate(model: Model, seed: number, nowMs: number, index: number, candidateIds: (n: number) => string): DemoCandidate {
  const rng = xoroshiro128plus((Math.imul(seed, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) | 0);
  const J = model.jobs.length;
  const job = model.jobs[index % J];
  const archetype = ROUNDS[Math.floor(index / J) % ROUNDS.length];
  const b = new Builder(rng, model, stableUuidSequence('demo-candidate-child', `${seed}:${index}`), nowMs);
  const reqs = job.requirements;
  const required = new Set(reqs.map((r) => r.skillId));
  const ownOccupation = model.occupationById.get(job.occupationId);
  let occupation = ownOccupation;

  switch (archetype) {
    case 'FULL': {
      const covered = b.earnCovering(reqs, MAX_CREDENTIALS, 1, 9);
      for (const r of reqs) {
        if (covered.has(r.skillId)) continue;
        b.direct(r.skillId, r.level + (r.level < 5 ? 1 : 0), 'ASSESSMENT', monthsAgo(rng, nowMs, 0, 3));
      }
      break;
    }
    case 'PARTIAL': {
      const missMandatory = unit(rng) < 0.3;
      const mandatory = reqs.filter((r) => r.mandatory);
      const missed = missMandatory && mandatory.length > 0 ? pick(rng, mandatory).skillId : null;
      const others = shuffled(rng, reqs.filter((r) => !r.mandatory));
      const kept = new Set(others.slice(0, Math.ceil(others.length / 2)).map((r) => r.skillId));
      if (unit(rng) < 0.5) b.earnCovering(reqs.filter((r) => kept.has(r.skillId)), 1, 3, 18);
      for (const r of reqs) {
        if (r.skillId === missed) b.direct(r.skillId, r.level - 1, 'SELF_REPORTED', monthsAgo(rng, nowMs, 0, 12));
        else if (r.mandatory) b.direct(r.skillId, r.level, unit(rng) < 0.5 ? 'ASSESSMENT' : 'EXPERIENCE', monthsAgo(rng, nowMs, 0, 8));
        else if (kept.has(r.skillId)) b.direct(r.skillId, r.level - uniformInt(rng, 0, 1), pick(rng, ['EXPERIENCE', 'SELF_REPORTED'] as const), monthsAgo(rng, nowMs, 0, 24));
      }
      break;
    }
    case 'LAPSED': {
      // credentials from 4–7 years ago (those with a validity have expired), experience as old
      const covered = b.earnCovering(reqs, MAX_CREDENTIALS, 48, 84);
      for (const r of reqs) {
        if (covered.has(r.skillId) || unit(rng) < 0.3) continue;
        b.direct(r.skillId, r.level, 'EXPERIENCE', monthsAgo(rng, nowMs, 60, 96));
      }
      break;
    }
    case 'NEIGHBOUR': {
      occupation = (ownOccupation && model.neighbourOccupation.get(ownOccupation.id)) ?? ownOccupation;
      for (const r of reqs) {
        const groups = neighboursOf(model, r.skillId, required).filter((g) => g.length > 0);
        if (groups.length === 0) continue;
        const near = pick(rng, pick(rng, groups));
        b.direct(near, uniformInt(rng, 4, 5), unit(rng) < 0.5 ? 'ASSESSMENT' : 'EXPERIENCE', monthsAgo(rng, nowMs, 0, 18));
      }
      break;
    }
  }

  // a few skills of the (own or neighbouring) occupation's profile, at modest levels
  const profile = occupation ? [...occupation.essential, ...occupation.optional].filter((s) => archetype !== 'NEIGHBOUR' || !required.has(s)) : [];
  if (profile.length > 0) {
    for (let k = uniformInt(rng, PROFILE_EXTRAS[0], PROFILE_EXTRAS[1]); k > 0; k--) {
      b.direct(pick(rng, profile), uniformInt(rng, 1, 3), pick(rng, ['EXPERIENCE', 'SELF_REPORTED'] as const), monthsAgo(rng, nowMs, 0, 72));
    }
  }

  const first = pick(rng, FIRST_NAMES);
  const last = pick(rng, LAST_NAMES);
  const discoverable = index < 4 * J || unit(rng) < DISCOVERABLE_RATE;
  b.credentials.sort((x, y) => x.issuedAt.getTime() - y.issuedAt.getTime() || (x.id < y.id ? -1 : 1));
  return {
    id: candidateIds(index),
    name: `${first} ${last}`,
    email: `${emailSlug(first)}.${emailSlug(last)}.${index + 1}@example.com`,
    discoverable,
    occupationId: occupation?.id ?? job.occupationId,
    credentials: b.credentials,
    evidence: b.evidence,
    jobId: job.id,
    archetype,
  };
}

function emailSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

export function generateDemoPopulation(opts: DemoPopulationOptions): Omit<GeneratedPopulation, 'candidates'> & { candidates: DemoCandidate[] } {
  if (!Number.isInteger(opts.count) || opts.count < 0) throw new RangeError('count must be a non-negative integer');
  if (!Number.isInteger(opts.seed) || opts.seed < 0 || opts.seed > 0xffffffff) throw new RangeError('seed must be an integer in 0..2^32-1');
  if (Number.isNaN(opts.now.getTime())) throw new RangeError('now must be a valid Date');
  const model = buildModel(opts.catalogue);
  const nowMs = Math.floor(opts.now.getTime() / 1000) * 1000;
  const ids = stableUuidSequence('demo-candidate', String(opts.seed));
  const candidates = Array.from({ length: opts.count }, (_, i) => generate(model, opts.seed, nowMs, i, ids));
  return { seed: opts.seed, now: opts.now, candidates };
}
