/**
 * Deterministic demo population: candidates with earned credentials and skill
 * evidence, drawn from the seed catalogue. Pure (no I/O, no clock, no
 * Math.random): the same options always give the same candidates, and the
 * first N candidates of a larger population equal a population of N.
 *
 * One xoroshiro128plus stream (pure-rand) seeded with `seed` is consumed
 * candidate by candidate. Ids are stable UUIDs derived from (seed, index).
 */
import type {
  EvidenceSource,
  GeneratedCandidate,
  GeneratedEarnedCredential,
  GeneratedEvidence,
  GeneratedPopulation,
  PopulationCatalogue,
  PopulationOptions,
  SeedCredential,
  SeedOccupation,
} from './seed-data.types';
import { stableUuidSequence } from './stable-id';

/** Minimal view of pure-rand's generator (its subpath exports need node16 module resolution for types). */
export interface RandomGenerator {
  next(): number;
}
/* eslint-disable @typescript-eslint/no-require-imports */
export const { xoroshiro128plus } = require('pure-rand/generator/xoroshiro128plus') as {
  xoroshiro128plus: (seed: number) => RandomGenerator;
};
export const { uniformInt } = require('pure-rand/distribution/uniformInt') as {
  uniformInt: (rng: RandomGenerator, from: number, to: number) => number;
};
/* eslint-enable @typescript-eslint/no-require-imports */

export const MIN_EVIDENCE = 5;
export const MAX_EVIDENCE = 30;
export const MAX_CREDENTIALS = 6;
export const HISTORY_YEARS = 8;
const DAY_MS = 86_400_000;
export const HISTORY_MS = Math.round(HISTORY_YEARS * 365.25 * DAY_MS);

const DISCOVERABLE_RATE = 0.9;
const VERIFIED_RATE = 0.93;
const ESSENTIAL_RATE = 0.65;
/** P(target credential count = index), 0..6. */
const CREDENTIAL_COUNT_WEIGHTS = [14, 20, 20, 17, 13, 9, 7] as const;
/** P(direct evidence level = index + 1). */
const LEVEL_WEIGHTS = [10, 25, 35, 20, 10] as const;
const DIRECT_SOURCES: readonly EvidenceSource[] = ['ASSESSMENT', 'EXPERIENCE', 'SELF_REPORTED'];
const DIRECT_SOURCE_WEIGHTS = [25, 45, 30] as const;
const PICK_ATTEMPTS_PER_CREDENTIAL = 3;
/** Child id layout inside a candidate's id sequence. */
const EVIDENCE_ID_OFFSET = 64;

export const FIRST_NAMES = [
  'Aino', 'Alejandro', 'Amara', 'Ana', 'Andrei', 'Anna', 'Antoine', 'Astrid', 'Ayesha', 'Beatriz',
  'Bram', 'Camille', 'Carlos', 'Chen', 'Chiara', 'Chloe', 'Daniel', 'Dimitra', 'Elena', 'Elif',
  'Emeka', 'Emma', 'Eva', 'Fatima', 'Felix', 'Finn', 'Freya', 'Gabriel', 'Giulia', 'Hana',
  'Hannah', 'Hugo', 'Ines', 'Ingrid', 'Isabel', 'Ivan', 'Jakub', 'James', 'Jana', 'Javier',
  'Johanna', 'Jonas', 'Julia', 'Kai', 'Karim', 'Katarzyna', 'Kenji', 'Lars', 'Laura', 'Leila',
  'Lena', 'Leon', 'Liam', 'Lina', 'Lucas', 'Lucia', 'Luka', 'Maja', 'Marco', 'Maria',
  'Marta', 'Mateo', 'Matthias', 'Mei', 'Mia', 'Mihai', 'Miguel', 'Milan', 'Nadia', 'Nikos',
  'Nina', 'Noah', 'Nora', 'Olga', 'Oliver', 'Omar', 'Oskar', 'Paula', 'Pedro', 'Petra',
  'Priya', 'Rafael', 'Ravi', 'Rosa', 'Ruth', 'Samir', 'Sara', 'Sebastian', 'Sofia', 'Sven',
  'Tariq', 'Teresa', 'Thomas', 'Tomas', 'Valentina', 'Viktor', 'Yara', 'Youssef', 'Zofia', 'Zoltan',
];

export const LAST_NAMES = [
  'Ahmed', 'Andersen', 'Bauer', 'Becker', 'Bergström', 'Bianchi', 'Bogdan', 'Costa', 'Dąbrowski', 'De Vries',
  'Dimitriou', 'Dubois', 'Dumitru', 'Eriksson', 'Fernández', 'Ferrari', 'Fischer', 'Fontaine', 'García', 'Gonçalves',
  'Hansen', 'Horvat', 'Horváth', 'Ivanova', 'Jansen', 'Jensen', 'Johansson', 'Kaya', 'Kelly', 'Khan',
  'Kim', 'Koch', 'Kovács', 'Kowalski', 'Laine', 'Lambert', 'Larsen', 'Lehmann', 'Li', 'Lopez',
  'Maes', 'Marini', 'Martin', 'Meyer', 'Moreau', 'Murphy', 'Müller', 'Nagy', 'Nielsen', 'Novak',
  'Nowak', "O'Brien", 'Oliveira', 'Papadopoulos', 'Patel', 'Peeters', 'Petrov', 'Popescu', 'Quinn', 'Ricci',
  'Rodrigues', 'Romano', 'Rossi', 'Russo', 'Santos', 'Schmidt', 'Schneider', 'Silva', 'Singh', 'Smith',
  'Sokolova', 'Svoboda', 'Szabó', 'Tanaka', 'Teixeira', 'Thomas', 'Usman', 'Van Dijk', 'Varga', 'Virtanen',
  'Vogel', 'Wagner', 'Walsh', 'Wang', 'Weber', 'Wiśniewski', 'Wouters', 'Yilmaz', 'Zhang', 'Zielinski',
];

// ---------------------------------------------------------------- model

interface ModelCredential {
  index: number;
  credential: SeedCredential;
  prerequisites: ModelCredential[];
  components: ModelCredential[];
}

interface ModelOccupation {
  occupation: SeedOccupation;
  essential: readonly string[];
  optional: readonly string[];
  /** Credentials teaching at least one profile skill, weighted by how many. */
  credentials: readonly ModelCredential[];
  cumulativeWeights: readonly number[];
}

interface PopulationModel {
  occupations: readonly ModelOccupation[];
}

function buildCredentialModels(credentials: readonly SeedCredential[]): ModelCredential[] {
  const models = credentials.map((credential, index): ModelCredential => ({
    index,
    credential,
    prerequisites: [],
    components: [],
  }));
  const byId = new Map(models.map((m) => [m.credential.id, m]));
  const resolve = (owner: SeedCredential, id: string): ModelCredential => {
    const found = byId.get(id);
    if (!found) throw new Error(`credential ${owner.key} references unknown credential ${id}`);
    return found;
  };
  for (const model of models) {
    model.prerequisites = model.credential.prerequisites.map((id) => resolve(model.credential, id));
    model.components = model.credential.components.map((id) => resolve(model.credential, id));
  }
  return models;
}

function buildOccupationModel(occupation: SeedOccupation, credentials: readonly ModelCredential[]): ModelOccupation {
  const profile = new Set([...occupation.essential, ...occupation.optional]);
  const relevant: ModelCredential[] = [];
  const cumulativeWeights: number[] = [];
  let total = 0;
  for (const model of credentials) {
    const overlap = model.credential.skills.filter((s) => profile.has(s.skillId)).length;
    if (overlap === 0) continue;
    total += overlap;
    relevant.push(model);
    cumulativeWeights.push(total);
  }
  const essential = occupation.essential.length > 0 ? occupation.essential : occupation.optional;
  const optional = occupation.optional.length > 0 ? occupation.optional : occupation.essential;
  return { occupation, essential, optional, credentials: relevant, cumulativeWeights };
}

function buildModel(catalogue: PopulationCatalogue): PopulationModel {
  const credentials = buildCredentialModels(catalogue.credentials);
  const occupations = catalogue.occupations
    .filter((o) => o.essential.length + o.optional.length > 0)
    .map((o) => buildOccupationModel(o, credentials));
  if (occupations.length === 0) throw new Error('catalogue has no occupation with skills');
  return { occupations };
}

// ---------------------------------------------------------------- random helpers

function unit(rng: RandomGenerator): number {
  return (rng.next() >>> 0) / 4_294_967_296;
}

function pick<T>(rng: RandomGenerator, items: readonly T[]): T {
  return items[uniformInt(rng, 0, items.length - 1)];
}

/** Index drawn proportionally to `weights` (plain, not cumulative). */
function weightedIndex(rng: RandomGenerator, weights: readonly number[]): number {
  let total = 0;
  for (const w of weights) total += w;
  let r = unit(rng) * total;
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i];
    if (r < 0) return i;
  }
  return weights.length - 1;
}

function pickCumulative<T>(rng: RandomGenerator, items: readonly T[], cumulative: readonly number[]): T {
  const r = unit(rng) * cumulative[cumulative.length - 1];
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cumulative[mid] > r) hi = mid;
    else lo = mid + 1;
  }
  return items[lo];
}

// ---------------------------------------------------------------- dates

/** Adds calendar months in UTC, clamping the day to the target month's length. */
export function addMonthsUtc(date: Date, months: number): Date {
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const result = new Date(date.getTime());
  result.setUTCFullYear(year, month, Math.min(date.getUTCDate(), lastDay));
  return result;
}

/** A whole-second-aligned instant, uniform in [startMs, endMs]. */
function instantIn(rng: RandomGenerator, startMs: number, endMs: number): number {
  return startMs + uniformInt(rng, 0, Math.floor((endMs - startMs) / 1000)) * 1000;
}

/** Earliest instant a generated date may take: strictly after now - HISTORY_MS. */
function historyStart(nowMs: number): number {
  return nowMs - HISTORY_MS + 1000;
}

/** `count` strictly increasing instants in the history window (at least a second apart). */
function increasingInstants(rng: RandomGenerator, nowMs: number, count: number): number[] {
  const latest = nowMs - count * 1000;
  const times = Array.from({ length: count }, () => instantIn(rng, historyStart(nowMs), latest));
  times.sort((a, b) => a - b);
  for (let i = 1; i < times.length; i++) if (times[i] <= times[i - 1]) times[i] = times[i - 1] + 1000;
  return times;
}

// ---------------------------------------------------------------- credentials

/** Picks `requiredComponents` of a stack, preferring components already held. */
function chooseComponents(rng: RandomGenerator, stack: ModelCredential, held: ReadonlySet<number>): ModelCredential[] {
  const shuffled = [...stack.components];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = uniformInt(rng, 0, i);
    [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
  }
  const owned = shuffled.filter((c) => held.has(c.index));
  const others = shuffled.filter((c) => !held.has(c.index));
  return [...owned, ...others].slice(0, stack.credential.requiredComponents ?? shuffled.length);
}

/**
 * Credentials that must be newly earned to hold `target` (its prerequisites,
 * the chosen stack components and their prerequisites, then itself), in an
 * order where every dependency precedes its dependant.
 */
function planFor(rng: RandomGenerator, target: ModelCredential, held: ReadonlySet<number>): ModelCredential[] {
  const plan: ModelCredential[] = [];
  const planned = new Set<number>();
  const visit = (model: ModelCredential): void => {
    if (held.has(model.index) || planned.has(model.index)) return;
    for (const prerequisite of model.prerequisites) visit(prerequisite);
    if (model.components.length > 0) for (const component of chooseComponents(rng, model, held)) visit(component);
    planned.add(model.index);
    plan.push(model);
  };
  visit(target);
  return plan;
}

function chooseCredentials(rng: RandomGenerator, profile: ModelOccupation, evidenceBudget: number): ModelCredential[] {
  const wanted = weightedIndex(rng, CREDENTIAL_COUNT_WEIGHTS);
  const earned: ModelCredential[] = [];
  const held = new Set<number>();
  let evidence = 0;
  if (profile.credentials.length === 0) return earned;
  for (let attempt = 0; attempt < wanted * PICK_ATTEMPTS_PER_CREDENTIAL && earned.length < wanted; attempt++) {
    const target = pickCumulative(rng, profile.credentials, profile.cumulativeWeights);
    if (held.has(target.index)) continue;
    const plan = planFor(rng, target, held);
    const cost = plan.reduce((sum, m) => sum + m.credential.skills.length, 0);
    if (earned.length + plan.length > MAX_CREDENTIALS || evidence + cost > evidenceBudget) continue;
    for (const model of plan) {
      earned.push(model);
      held.add(model.index);
    }
    evidence += cost;
  }
  return earned;
}

// ---------------------------------------------------------------- candidate

function emailSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

interface CandidateContext {
  rng: RandomGenerator;
  seed: number;
  nowMs: number;
  model: PopulationModel;
  candidateIds: (n: number) => string;
}

function generateCandidate(ctx: CandidateContext, index: number): GeneratedCandidate {
  const { rng, nowMs } = ctx;
  const childIds = stableUuidSequence('demo-candidate-child', `${ctx.seed}:${index}`);
  const profile = pick(rng, ctx.model.occupations);
  const first = pick(rng, FIRST_NAMES);
  const last = pick(rng, LAST_NAMES);
  const discoverable = unit(rng) < DISCOVERABLE_RATE;
  const evidenceTarget = uniformInt(rng, MIN_EVIDENCE, MAX_EVIDENCE);

  const chosen = chooseCredentials(rng, profile, evidenceTarget);
  const issued = increasingInstants(rng, nowMs, chosen.length);
  const credentials: GeneratedEarnedCredential[] = [];
  const evidence: GeneratedEvidence[] = [];
  chosen.forEach((model, j) => {
    const issuedAt = new Date(issued[j]);
    const months = model.credential.validityMonths;
    const earned: GeneratedEarnedCredential = {
      id: childIds(j),
      credentialId: model.credential.id,
      issuedAt,
      expiresAt: months === null ? null : addMonthsUtc(issuedAt, months),
      verification: unit(rng) < VERIFIED_RATE ? 'VERIFIED' : 'UNVERIFIED',
    };
    credentials.push(earned);
    for (const skill of model.credential.skills) {
      evidence.push({
        id: childIds(EVIDENCE_ID_OFFSET + evidence.length),
        skillId: skill.skillId,
        level: skill.level,
        evidencedAt: new Date(issued[j]),
        source: 'CREDENTIAL',
        earnedCredentialId: earned.id,
      });
    }
  });

  while (evidence.length < evidenceTarget) {
    const pool = unit(rng) < ESSENTIAL_RATE ? profile.essential : profile.optional;
    evidence.push({
      id: childIds(EVIDENCE_ID_OFFSET + evidence.length),
      skillId: pick(rng, pool),
      level: weightedIndex(rng, LEVEL_WEIGHTS) + 1,
      evidencedAt: new Date(instantIn(rng, historyStart(nowMs), nowMs)),
      source: DIRECT_SOURCES[weightedIndex(rng, DIRECT_SOURCE_WEIGHTS)],
      earnedCredentialId: null,
    });
  }

  return {
    id: ctx.candidateIds(index),
    name: `${first} ${last}`,
    email: `${emailSlug(first)}.${emailSlug(last)}.${index + 1}@example.com`,
    discoverable,
    occupationId: profile.occupation.id,
    credentials,
    evidence,
  };
}

function validate(opts: PopulationOptions): void {
  if (!Number.isInteger(opts.count) || opts.count < 0) throw new RangeError(`count must be a non-negative integer`);
  if (!Number.isInteger(opts.seed) || opts.seed < 0 || opts.seed > 0xffffffff) {
    throw new RangeError('seed must be an integer in 0..2^32-1');
  }
  if (Number.isNaN(opts.now.getTime())) throw new RangeError('now must be a valid Date');
}

function* candidatesFrom(ctx: CandidateContext, count: number): Generator<GeneratedCandidate, void, undefined> {
  for (let index = 0; index < count; index++) yield generateCandidate(ctx, index);
}

/**
 * Streams candidates one at a time (constant memory); yields exactly what
 * generatePopulation returns. Options are validated eagerly.
 */
export function iteratePopulation(opts: PopulationOptions): Generator<GeneratedCandidate, void, undefined> {
  validate(opts);
  const ctx: CandidateContext = {
    rng: xoroshiro128plus(opts.seed | 0),
    seed: opts.seed,
    nowMs: Math.floor(opts.now.getTime() / 1000) * 1000,
    model: buildModel(opts.catalogue),
    candidateIds: stableUuidSequence('demo-candidate', String(opts.seed)),
  };
  return candidatesFrom(ctx, opts.count);
}

/** Streams candidates in arrays of `batchSize` (the last may be shorter), e.g. for bulk inserts. */
export function iteratePopulationBatches(
  opts: PopulationOptions,
  batchSize: number,
): Generator<GeneratedCandidate[], void, undefined> {
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError('batchSize must be a positive integer');
  return batchesOf(iteratePopulation(opts), batchSize);
}

function* batchesOf<T>(items: Iterable<T>, size: number): Generator<T[], void, undefined> {
  let batch: T[] = [];
  for (const item of items) {
    batch.push(item);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

export function generatePopulation(opts: PopulationOptions): GeneratedPopulation {
  return { seed: opts.seed, now: opts.now, candidates: [...iteratePopulation(opts)] };
}
