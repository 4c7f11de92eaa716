import type { SimilarityEntry, SimilarityLookup } from '../taxonomy/similarity';
import { DAYS_PER_MONTH, MS_PER_DAY, expiryMs, strengthAt } from './decay';
import { DEFAULT_MATCH_CONFIG, EvidenceSource, MatchConfig, VerificationStatus } from './match-config';
import { compareRanked, evidenceCoverage, validateFirst, validateRequirements, weightedScore } from './match-engine';
import type { EvidenceItem, HalfLifeFn, JobRequirements, RankOptions, RankResult, RankedCandidate, Requirement } from './match-types';

/**
 * In-memory inverted index for `rankCandidates` at scale (10^5 candidates, ~10^6 postings).
 * Same results as the pure engine: identical order, identical (bit-for-bit) scores,
 * meetsMandatory, totalCount and pagination.
 *
 * Layout
 * - Candidates get an ordinal; per ordinal: flags (alive, discoverable) and the sorted list of
 *   the posting-list ordinals of its postings (a slice of one Int32Array pool), with beside each the
 *   posting's index in its list (kept up to date when a list is compacted; 8 bytes per posting in
 *   all), so that a candidate's postings are read directly for exact recomputation, the MaxScore
 *   survivors' full records and tombstone accounting.
 * - Per evidence skill two posting lists (structure of typed arrays, each sorted by candidate
 *   ordinal): one for evidence that never expires, one for evidence with an expiry.
 *   cand Int32, ev Float64 (evidencedAt ms), ex Float64 (expiresAt ms; second list only),
 *   code Uint8 (level << 3 | confidence class), la Float64 = level × confidence × 2^((ev − epoch) / (hl months)).
 *   21 bytes per posting without expiry, 29 with (+ growth slack ≤ 50 %, removed by `compact()`).
 *   Evidence whose level × confidence is 0 (FAILED/REVOKED credentials) is not stored: it never counts.
 *   A non-expiring list whose newest evidence is ≤ asOf (the usual case) is scanned without any
 *   per-posting date check: only cand and la are read.
 * - Impact order (MaxScore pass only): per list of ≥ 64 postings a permutation of its indices by la
 *   descending (Int32, 4 bytes per posting, built lazily at rank time, + 65 la quantiles for read-cost
 *   estimates). Postings appended later form an unsorted tail read in place; the order is rebuilt when
 *   the tail exceeds len / 8 and dropped on compaction / la recomputation. A scan with a cut reads the
 *   sorted part only down to the cut (same postings as a full scan that skips those ≤ cut).
 * - Per-rank state of a candidate lives in one interleaved Float64Array record (last requirement
 *   stamp, best value for that requirement, score accumulator, mandatory counters), so a posting
 *   costs one random access; scores are accumulated incrementally, no per-requirement reset pass.
 *   The MaxScore pass keeps its own 16-byte records (Int32 stamp, Float32 best / Σ w·cov / excess, beside
 *   them Uint16 mandatory counters): its cut scans are bound by record cache misses, and float32 sums
 *   only serve as bounds (their margin follows from the number of float32 additions); full records of
 *   its survivors are float64, as everywhere else.
 *
 * Ranking (one call)
 * 0. First page without minScore / cursor: MaxScore pass (`maxScorePass`). Per (requirement,
 *    similar-skill list) an upper bound ub = min(sim, sim × max la of the list × decay factor / level)
 *    (max la is maintained per list; the order of the lists by ub is per required level). Per requirement r the lists with ub above a cut c_r are
 *    "essential"; a candidate seen in no essential list has key ≤ U = Σ w_r c_r / W (+2 when every
 *    mandatory c_r may reach the threshold). θ (a lower bound of the (first+1)-th best key) comes
 *    from the exact-skill lists (read in impact order down to half their bound) and full records of
 *    the best candidates; the cuts are lowered greedily (most bound reduction per posting READ, i.e.
 *    per posting above the cut, estimated from the quantiles; each move lowers a cut by at least
 *    15 %, so that lists with close bounds move together) until U < θ; then the essential lists
 *    are scanned in impact order down to c_r (postings with coverage ≤ c_r are never read). Survivors =
 *    candidates whose upper bound Σ w_r max(cov_r, c_r) / W reaches θ (refined on the new records;
 *    the scan itself lists the candidates whose excess over the cuts — or, below θ = 2, whose chance
 *    of meeting the mandatory requirements — gets them there, so only those are visited);
 *    their full approximate records are computed from their own postings (the pool holds each
 *    posting's list, index and a float32 copy of its la, read in sequence), by upper bound
 *    descending until the next upper bound is below the (first+1)-th best full lower bound (for
 *    many survivors one masked pass over the job's lists instead), and step 2 settles the page exactly. The pass gives up (step 1 runs instead) when U < θ cannot be reached, or —
 *    cost — when the top lists hold > 20 % of the job's postings or the cut scan would read > 60 % of them
 *    (then the approximate pass is as cheap: few similar skills, popular exact skills).
 * Coverage of a posting: sim × min(1, strength / level). Every pass keeps per requirement the best
 * capped value min(sim × strength, sim × level) (≤ level), so coverage = value / level; the cap
 * depends on the list's sim, so values are capped the moment they are read.
 * 1. Approximate pass over the postings of every skill similar to each requirement: the
 *    strength at asOf is la × 2^(−(asOf − epoch) / (hl months)) — one power per posting LIST, none
 *    per posting (the floor of this design is one bare pass over those postings; see `scanFloor`).
 *    Gives an approximate score (error ≤ ~1e-13 ≪ DELTA = 1e-9) and, per mandatory requirement,
 *    whether the coverage is surely / maybe above the threshold.
 *    Pruning (first page without minScore): mandatory requirements are processed first, then the
 *    others by weight descending; at checkpoints (after the last mandatory one, when the weight
 *    still to come drops below 1/2 and below 1/4) θ = the (first+1)-th best lower bound of the
 *    key 2·meetsMandatory + score. When even an unseen candidate cannot reach θ, only candidates
 *    whose upper bound (partial + remaining weight / W, + 2 if they may still meet) reaches θ are
 *    followed further: the postings of all others are skipped after a one-byte check.
 * 2. Every decision that the approximation cannot settle with a DELTA margin (minScore, the `after`
 *    cursor, the top first+1 boundary, meetsMandatory near the threshold) is settled by recomputing
 *    the candidate's EXACT score with the engine's own arithmetic (`strengthAt`, `evidenceCoverage`,
 *    `weightedScore`, in requirement order) from the stored posting fields. Only those candidates
 *    (typically first + a few) are recomputed; they are found by a (first+1)-th best lower bound θ:
 *    a candidate whose upper bound is below θ cannot be on the page.
 * 3. Candidates with no counting posting for the job score exactly 0; they are taken in id order
 *    from a lazily merged id-sorted list when the page reaches them.
 *
 * Updates
 * - upsert = remove (tombstone) + insert with a NEW ordinal (appended, so lists stay sorted by
 *   ordinal). A removed ordinal's postings stay in place as tombstones (folded harmlessly and
 *   dropped at selection via the flags); a list is compacted when its tombstones exceed max(32, len/4); all
 *   ordinals are renumbered when dead ordinals outnumber live ones (both amortised O(1)).
 * - Half-life changes: `la` depends on the skill's half-life. It is re-read (and `la` recomputed
 *   if it changed) whenever a similarity map object is seen for the first time — `SimilarityIndex`
 *   replaces all its maps on every taxonomy change — or on `refreshHalfLives()`.
 * - The confidence table and threshold are fixed per index (its `config`); make a new index for
 *   another config (see `configHash`).
 */

export interface MatchIndexOptions {
  /** effective half-life of a skill in months, e.g. `graph.halfLifeOf.bind(graph)` */
  readonly halfLife: HalfLifeFn;
  readonly config?: MatchConfig;
  /** reference instant of the precomputed decay exponents (only affects float range, not results) */
  readonly epoch?: Date;
  /** tuning/tests: a list is compacted when its tombstones exceed max(this, len/4); default 32 */
  readonly minDeadPerList?: number;
  /** tuning/tests: ordinals are renumbered when dead ones exceed max(this, live); default 1024 */
  readonly minDeadOrdinals?: number;
  /** tests: false disables top-k pruning (results are the same, only slower); default true */
  readonly prune?: boolean;
  /**
   * tests: false disables the MaxScore pass (the checkpoint pruning of the approximate pass remains);
   * 'force' skips its cost-based give-ups (it still gives up when no θ / cut exists); default true
   */
  readonly maxScore?: boolean | 'force';
  /** tuning/tests: lists with at least this many postings get an impact order (MaxScore pass); default 64 */
  readonly impactOrderMin?: number;
}

/** What the last `rank` call did (diagnostics, benchmarks). */
export interface RankDiagnostics {
  /** candidates touched by the job's postings (before pruning) */
  readonly touched: number;
  /**
   * 1-based position (in processing order) of the requirement after which the set was closed; null: never;
   * 0: closed up front by the MaxScore pass (list upper bounds), `touched` then counts the candidates it followed
   */
  readonly closedAfter: number | null;
  /** candidates left after pruning (= touched when never closed) */
  readonly survivors: number;
  /** candidates whose exact score was recomputed */
  readonly exactEvaluations: number;
}

export interface MatchIndexStats {
  readonly candidates: number;
  readonly discoverable: number;
  readonly ordinals: number;
  readonly skills: number;
  /** live postings */
  readonly postings: number;
  /** tombstones not yet compacted */
  readonly deadPostings: number;
}

const ALIVE = 1;
const DISCOVERABLE = 2;
const ACTIVE = ALIVE | DISCOVERABLE;
/** margin of the approximate pass; its real error is below ~1e-13 */
const DELTA = 1e-9;
/**
 * The margin of records computed from the float32 la copies in the pool (MaxScore survivors): each la is
 * within 2^-24 relative of its float64 value, so each coverage, and the score Σ w·cov / W, are within
 * 2^-24 (+ the approximation's own error ≪ DELTA) of the float64 ones; twice that + DELTA.
 */
const DELTA_POOL = DELTA + 2 ** -23;
/** float32 copies are used only in this range (normal numbers, far from overflow), where the 2^-24 bound holds */
const F32_SAFE_MIN = 1e-30;
const F32_SAFE_MAX = 1e30;
/** |exponent| beyond which 2^x is not used (range safety); such postings/lists use the exact path */
const MAX_EXP = 900;
const MS_PER_MONTH = MS_PER_DAY * DAYS_PER_MONTH; // 2,629,746,000 ms exactly
const DEFAULT_EPOCH = Date.UTC(2025, 0, 1);

const CONF_CLASSES = 7;
const VERIFICATIONS: readonly VerificationStatus[] = ['VERIFIED', 'UNVERIFIED', 'FAILED', 'REVOKED'];

function confClass(source: EvidenceSource, verification: VerificationStatus | null | undefined): number {
  switch (source) {
    case 'CREDENTIAL': {
      const i = VERIFICATIONS.indexOf(verification ?? 'VERIFIED');
      if (i < 0) throw new RangeError(`unknown verification ${String(verification)}`);
      return i;
    }
    case 'ASSESSMENT':
      return 4;
    case 'EXPERIENCE':
      return 5;
    case 'SELF_REPORTED':
      return 6;
    default:
      throw new RangeError(`unknown evidence source ${String(source)}`);
  }
}

function confTable(config: MatchConfig): Float64Array {
  const t = new Float64Array(CONF_CLASSES);
  VERIFICATIONS.forEach((v, i) => (t[i] = config.confidence.CREDENTIAL[v]));
  t[4] = config.confidence.ASSESSMENT;
  t[5] = config.confidence.EXPERIENCE;
  t[6] = config.confidence.SELF_REPORTED;
  return t;
}

interface PostingList {
  readonly skillId: string;
  /** its ordinal in `lists` (what the candidates' pools hold) */
  readonly ord: number;
  cand: Int32Array;
  ev: Float64Array;
  /** null for the never-expiring list */
  ex: Float64Array | null;
  la: Float64Array;
  code: Uint8Array;
  len: number;
  dead: number;
  /** upper bound of ev over the list (exact after compaction) */
  maxEv: number;
  /** upper bound of the finite la values of the list (exact after compaction / refresh) */
  maxLa: number;
  /** postings whose la is NaN (exponent out of range) */
  extreme: number;
  /**
   * impact order: indices [0, permLen) sorted by la descending (null: none). Postings appended since
   * (indices ≥ permLen) are the unsorted tail; rebuilt at rank time when the tail grows past len / 8,
   * dropped by compaction and by la recomputation.
   */
  perm: Int32Array | null;
  permLen: number;
  /** la at the impact-order positions ⌊t·(permLen − 1) / QUANTILES⌋, t = 0..QUANTILES (read-cost estimates) */
  quant: Float64Array | null;
  /**
   * the first hotLen postings of the impact order, copied (cand and la at perm[0..hotLen)), so that a cut
   * scan reads them in sequence (no dependent load perm → la / cand per posting). Built with the
   * impact order, dropped with it.
   */
  hotCand: Int32Array;
  hotLa: Float64Array;
  /** expiring lists: ex at those positions (empty otherwise) */
  hotEx: Float64Array;
  hotLen: number;
  /** half-life the la values were computed with (NaN: unknown) */
  hl: number;
  /** rank stamp and per-rank decay factor (NaN: exact path for the whole list this rank) */
  stamp: number;
  factor: number;
  /** asOf and half-life `factor` was computed for */
  factorAsOf: number;
  factorHl: number;
}

interface CompiledSim {
  /** list ordinals (2 per skill) and their sims, for the skills present in the index */
  readonly lists: Int32Array;
  readonly sims: Float64Array;
  readonly skillCount: number;
  /** MaxScore pass: the lists' upper bounds and their order, for one index version, computed at one asOf (valid, only looser, later on) */
  bounds?: ListBounds;
}

interface ListBounds {
  readonly asOfMs: number;
  readonly version: number;
  /** per list index j: sim × the largest strength in the list at asOf (Infinity: exact path, no bound) */
  readonly value: Float64Array;
  /** non-empty list indices */
  readonly nonEmpty: Int32Array;
  /** per required level: the upper bounds of the coverage, min(sim, value / level) (rounded up), and the order */
  readonly byLevel: Map<number, LevelBounds>;
}

interface LevelBounds {
  /** per list index j: upper bound of the coverage of a requirement at this level from list j */
  readonly ub: Float64Array;
  /** non-empty list indices by ub descending */
  readonly ord: Int32Array;
  /** how many lists share the largest ub */
  readonly firstCut: number;
}

/** Upper bounds of the coverage at a required level: min(sim, value / level), rounded up; lists by bound descending. */
function levelBounds(b: ListBounds, sims: Float64Array | readonly number[], level: number): LevelBounds {
  const ub = new Float64Array(b.value.length);
  for (const j of b.nonEmpty) {
    const u = Math.min(b.value[j] / level, sims[j]);
    ub[j] = u < 1 ? u * (1 + 1e-12) : 1;
  }
  const idx = Array.from(b.nonEmpty);
  idx.sort((x, y) => ub[y] - ub[x] || x - y);
  const ord = Int32Array.from(idx);
  let e = 0;
  while (e < ord.length && ub[ord[e]] >= ub[ord[0]]) e++;
  return { ub, ord, firstCut: e };
}

function newList(skillId: string, ord: number, expiring: boolean): PostingList {
  return {
    skillId,
    ord,
    cand: new Int32Array(0),
    ev: new Float64Array(0),
    ex: expiring ? new Float64Array(0) : null,
    la: new Float64Array(0),
    code: new Uint8Array(0),
    len: 0,
    dead: 0,
    maxEv: -Infinity,
    maxLa: 0,
    extreme: 0,
    perm: null,
    permLen: 0,
    quant: null,
    hotCand: NO_PERM,
    hotLa: NO_HOT,
    hotEx: NO_HOT,
    hotLen: 0,
    hl: NaN,
    stamp: -1,
    factor: NaN,
    factorAsOf: NaN,
    factorHl: NaN,
  };
}

/** Drops a list's impact order (its postings moved or their la changed). */
function dropImpactOrder(l: PostingList): void {
  l.perm = null;
  l.permLen = 0;
  l.quant = null;
  l.hotCand = NO_PERM;
  l.hotLa = NO_HOT;
  l.hotEx = NO_HOT;
  l.hotLen = 0;
}

function resizeList(l: PostingList, capacity: number): void {
  const grow = <T extends Int32Array | Float64Array | Uint8Array>(a: T, make: (n: number) => T): T => {
    const b = make(capacity);
    b.set(a.subarray(0, l.len));
    return b;
  };
  l.cand = grow(l.cand, (n) => new Int32Array(n));
  l.ev = grow(l.ev, (n) => new Float64Array(n));
  if (l.ex !== null) l.ex = grow(l.ex, (n) => new Float64Array(n));
  l.la = grow(l.la, (n) => new Float64Array(n));
  l.code = grow(l.code, (n) => new Uint8Array(n));
}

/** Keeps the `k` largest values seen in a min-heap `heap[0..size)`; returns the new size. */
function heapPush(heap: Float64Array, size: number, k: number, x: number): number {
  if (size < k) {
    let i = size++;
    heap[i] = x;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (heap[p] <= heap[i]) break;
      const tmp = heap[p];
      heap[p] = heap[i];
      heap[i] = tmp;
      i = p;
    }
    return size;
  }
  if (x > heap[0]) {
    heap[0] = x;
    let i = 0;
    for (;;) {
      const a = 2 * i + 1;
      if (a >= size) break;
      const b = a + 1;
      const m = b < size && heap[b] < heap[a] ? b : a;
      if (heap[i] <= heap[m]) break;
      const tmp = heap[m];
      heap[m] = heap[i];
      heap[i] = tmp;
      i = m;
    }
  }
  return size;
}

/**
 * per-candidate record in `st`: [last requirement stamp, best value for it, Σ w·coverage, mandatory counters]:
 * one record per random access (32 bytes; the MaxScore pass has its own, smaller ones)
 */
const REC = 4;
/**
 * MaxScore records: mandatory counters packed in a Uint16, surely met + MAYBE8 × maybe met (the MaxScore pass
 * runs for < MAX_MAND8 mandatory requirements), and the GATED bit: listed by the cut scan's gate
 */
const MAYBE8 = 256;
const MAX_MAND8 = 128;
const GATED = 0x8000;
/** MaxScore pass: θ is probed on the PROBE × (first + 1) candidates of best record lower bounds (at most PROBE_CAP times that many on ties) */
const PROBE = 2;
const PROBE_CAP = 4;
/** MaxScore pass: cuts are lowered until the unseen bound is below θ − min(MARGIN, 2·MARGIN·score part of θ) (fewer survivors) */
const MARGIN = 0.1;
/** MaxScore pass: the first θ reads the top lists only down to this fraction of their upper bound (impact order) */
const FIRST_FLOOR = 0.5;
/** MaxScore pass: survivors' records come from their pools while survivors × this ≤ the job's postings, else from one masked pass (200: the pools hold la copies, and only the survivors taken before the early stop are read) */
const EVAL_VS_SCAN = 200;
/** MaxScore pass: given up (approximate pass instead) when the cut scan of the essential lists would read more than this share of the job's postings */
const MAX_ESSENTIAL = 0.6;
/** MaxScore pass: not tried when the top lists (used for the first θ) hold more than this share of the job's postings */
const MAX_FIRST = 0.2;
const NO_PERM = new Int32Array(0);
const NO_HOT = new Float64Array(0);
/**
 * share of an impact order that is also copied in order (hotCand / hotLa): cut scans rarely read deeper
 * (about 95 % of the postings they read lie in the top quarter of their lists on the benchmark jobs);
 * deeper ones go on through perm. 12 bytes per copied posting (≈ 3 bytes per posting of an ordered list).
 */
const HOT_SHARE = 0.25;
const QUANTILES = 64;
/** mandatory counters packed in one float: surely-met + MAYBE × maybe-met */
const MAYBE = 1024;
/** MaxScore cut moves: a requirement's cut drops to at most this share of itself per move */
const CUT_STEP = 0.85;
/** MaxScore pass: list bounds computed at asOf stay valid (only looser) for a later asOf; reused up to this much later */
const BOUNDS_REUSE_MS = 60 * 60 * 1000;

export class MatchIndex {
  readonly config: MatchConfig;
  readonly epochMs: number;
  private readonly halfLife: HalfLifeFn;
  private readonly conf: Float64Array;
  private readonly minDeadPerList: number;
  private readonly minDeadOrdinals: number;
  private readonly pruneEnabled: boolean;
  private readonly maxScoreEnabled: boolean | 'force';
  private readonly impactOrderMin: number;

  // candidates
  private readonly ordOf = new Map<string, number>();
  private idOf: (string | undefined)[] = [];
  private flags = new Uint8Array(0);
  private poolStart = new Int32Array(0);
  private poolCount = new Int32Array(0);
  /** per ordinal, its posting lists' ordinals (sorted, one entry per posting) */
  private pool = new Int32Array(1024);
  /** beside `pool`: the index of that posting in its list (kept up to date by compaction) */
  private poolIdx = new Int32Array(1024);
  /**
   * beside `pool`: that posting's la, rounded to float32 (kept equal to Math.fround(list.la[poolIdx]) whenever
   * la changes). The MaxScore pass reads a survivor's postings from here in sequence instead of through
   * its lists (one cache miss per posting); the records it computes from them carry a margin for the rounding.
   */
  private poolLa = new Float32Array(1024);
  private poolLen = 0;
  private nOrd = 0;
  private live = 0;
  private activeCount = 0;
  private deadOrds = 0;
  /** ordinals sorted by id (may hold dead ordinals) + ordinals added since the last merge */
  private sorted = new Int32Array(0);
  private pending: number[] = [];

  // skills: skill ordinal s owns lists 2s (never expiring) and 2s + 1 (expiring)
  private readonly skillOrd = new Map<string, number>();
  private lists: PostingList[] = [];
  private postingCount = 0;
  private deadPostings = 0;

  // per-rank scratch, indexed by ordinal
  private st = new Float64Array(0);
  /**
   * MaxScore pass records, 16 bytes a candidate (a third of `st`'s, so that more of them stay in cache):
   * [stamp (Int32), best value (Float32), Σ w·cov (Float32), excess (Float32)] over one buffer, and the
   * mandatory counters (surely met + MAYBE8 × maybe met) in msMand. Float32 sums are bounds within the pass's delta32.
   */
  private msI = new Int32Array(0);
  private msF = new Float32Array(0);
  private msMand = new Uint16Array(0);
  private msStamp = 0;
  /** the most postings any candidate has had (bounds the float32 additions per MaxScore record) */
  private maxPool = 0;
  /** the first MaxScore stamp of the current rank (candidates whose msI stamp reaches it were touched); Infinity outside the pass */
  private msFrom = Infinity;
  private exactStamp = new Float64Array(0);
  private exactScore = new Float64Array(0);
  private exactMeets = new Uint8Array(0);
  private touched = new Int32Array(0);
  private sOrd = new Int32Array(0);
  private sHi = new Float64Array(0);
  private alive = new Uint8Array(0);
  private allOnes = new Uint8Array(0);
  private survivors = new Int32Array(0);
  /** MaxScore pass scratch: upper bounds beside the touched candidates, and an order of the survivors */
  private hiBuf = new Float64Array(0);
  private posBuf = new Int32Array(0);
  /** MaxScore pass: the candidates the cut scan lists as possible survivors (see its gate) */
  private gateBuf = new Int32Array(0);
  private relHead = new Int32Array(0);
  /**
   * Per rank (stamped in relStamp): each list of the job → the chain (relHead, relNext) of the requirements
   * it serves, with the sim and sim × factor; relFast: every posting of the list counts at la × factor
   */
  private relStamp = new Float64Array(0);
  private relFast = new Uint8Array(0);
  private relBase = -1;
  private relNext = new Int32Array(0);
  private relReq = new Int32Array(0);
  private relSim = new Float64Array(0);
  private relG = new Float64Array(0);
  private msTouched = 0;
  private diag: RankDiagnostics = { touched: 0, closedAfter: null, survivors: 0, exactEvaluations: 0 };
  private exactCount = 0;
  private stampCounter = 1;
  /** bumped by every change of the postings, their la values or impact orders (invalidates `CompiledSim.bounds`) */
  private version = 0;
  private rowList = new Int32Array(64);
  private rowItem = new Int32Array(64);
  private nTouched = 0;
  private readonly compiled = new WeakMap<ReadonlyMap<string, SimilarityEntry>, CompiledSim>();

  constructor(options: MatchIndexOptions) {
    this.halfLife = options.halfLife;
    this.config = options.config ?? DEFAULT_MATCH_CONFIG;
    this.conf = confTable(this.config);
    this.epochMs = options.epoch?.getTime() ?? DEFAULT_EPOCH;
    this.minDeadPerList = options.minDeadPerList ?? 32;
    this.minDeadOrdinals = options.minDeadOrdinals ?? 1024;
    this.pruneEnabled = options.prune ?? true;
    this.maxScoreEnabled = options.maxScore ?? true;
    this.impactOrderMin = options.impactOrderMin ?? 64;
    this.ensureOrdCapacity(1024);
  }

  /** Adds or replaces a candidate's evidence (all of it) and discoverability. */
  upsertCandidate(id: string, discoverable: boolean, evidence: readonly EvidenceItem[]): void {
    // validate first so that a bad item changes nothing
    const n = evidence.length;
    if (this.rowList.length < n) {
      this.rowList = new Int32Array(n * 2);
      this.rowItem = new Int32Array(n * 2);
    }
    const rowList = this.rowList;
    const rowItem = this.rowItem;
    let rows = 0;
    for (let k = 0; k < n; k++) {
      const e = evidence[k];
      if (!(Number.isInteger(e.level) && e.level >= 0 && e.level <= 31)) throw new RangeError(`evidence ${e.id}: level must be an integer in [0, 31]`);
      const cls = confClass(e.source, e.verification);
      if (!(e.level * this.conf[cls] > 0)) continue; // never counts
      rowItem[rows++] = (k << 3) | cls;
    }
    for (let r = 0; r < rows; r++) {
      const e = evidence[rowItem[r] >> 3];
      rowList[r] = 2 * this.skillOrdinal(e.skillId) + (e.expiresAt == null ? 0 : 1);
    }
    // insertion sort by list ordinal (a handful of rows per candidate)
    for (let r = 1; r < rows; r++) {
      const l = rowList[r];
      const it = rowItem[r];
      let q = r - 1;
      while (q >= 0 && rowList[q] > l) {
        rowList[q + 1] = rowList[q];
        rowItem[q + 1] = rowItem[q];
        q--;
      }
      rowList[q + 1] = l;
      rowItem[q + 1] = it;
    }
    const old = this.ordOf.get(id);
    if (old !== undefined) this.kill(old);
    const o = this.nOrd++;
    this.ensureOrdCapacity(this.nOrd);
    this.ordOf.set(id, o);
    this.idOf[o] = id;
    this.flags[o] = discoverable ? ACTIVE : ALIVE;
    this.live++;
    if (discoverable) this.activeCount++;
    this.ensurePool(this.poolLen + rows);
    this.poolStart[o] = this.poolLen;
    this.poolCount[o] = rows;
    if (rows > this.maxPool) this.maxPool = rows;
    let resync: PostingList[] | null = null;
    for (let r = 0; r < rows; r++) {
      const e = evidence[rowItem[r] >> 3];
      const cls = rowItem[r] & 7;
      const l = this.lists[rowList[r]];
      const p = this.poolLen++;
      this.poolIdx[p] = l.len;
      this.pool[p] = rowList[r];
      if (this.append(l, o, e, (e.level << 3) | cls, e.level * this.conf[cls])) (resync ??= []).push(l);
      this.poolLa[p] = l.la[l.len - 1];
    }
    // lists whose earlier la values were (re)computed by this append: their pool copies follow
    if (resync !== null) for (const l of resync) this.syncPoolLa(l);
    this.pending.push(o);
    this.maybeCompactOrdinals();
  }

  /** Removes a candidate. Returns whether it existed. */
  removeCandidate(id: string): boolean {
    const o = this.ordOf.get(id);
    if (o === undefined) return false;
    this.ordOf.delete(id);
    this.kill(o);
    this.maybeCompactOrdinals();
    return true;
  }

  /** Changes discoverability. Returns whether the candidate exists. */
  setDiscoverable(id: string, discoverable: boolean): boolean {
    const o = this.ordOf.get(id);
    if (o === undefined) return false;
    const was = this.flags[o] === ACTIVE;
    if (was !== discoverable) {
      this.flags[o] = discoverable ? ACTIVE : ALIVE;
      this.activeCount += discoverable ? 1 : -1;
    }
    return true;
  }

  has(id: string): boolean {
    return this.ordOf.has(id);
  }

  /** Diagnostics of the last `rank` call. */
  get lastRank(): RankDiagnostics {
    return this.diag;
  }

  get size(): number {
    return this.live;
  }

  stats(): MatchIndexStats {
    return {
      candidates: this.live,
      discoverable: this.activeCount,
      ordinals: this.nOrd,
      skills: this.lists.length >> 1,
      postings: this.postingCount - this.deadPostings,
      deadPostings: this.deadPostings,
    };
  }

  /**
   * Bytes held: typed arrays exactly (capacity), plus an estimate for the id maps and strings
   * (~ 2 bytes per id character + 80 bytes per map entry, 200 bytes per list object).
   */
  memoryBytes(): number {
    let bytes = 0;
    for (const l of this.lists) {
      bytes += l.cand.byteLength + l.ev.byteLength + (l.ex?.byteLength ?? 0) + l.la.byteLength + l.code.byteLength + (l.perm?.byteLength ?? 0) + (l.quant?.byteLength ?? 0) + l.hotCand.byteLength + l.hotLa.byteLength + l.hotEx.byteLength + 200;
    }
    bytes += this.flags.byteLength + this.poolStart.byteLength + this.poolCount.byteLength + this.pool.byteLength + this.poolIdx.byteLength + this.poolLa.byteLength;
    bytes += this.sorted.byteLength + this.pending.length * 8 + this.idOf.length * 8;
    bytes += this.st.byteLength + this.exactStamp.byteLength + this.exactScore.byteLength + this.exactMeets.byteLength;
    bytes += this.touched.byteLength + this.sOrd.byteLength + this.sHi.byteLength;
    bytes += this.alive.byteLength + this.allOnes.byteLength + this.survivors.byteLength + this.hiBuf.byteLength + this.posBuf.byteLength + this.msI.byteLength + this.msMand.byteLength + this.gateBuf.byteLength;
    bytes += this.relHead.byteLength + this.relStamp.byteLength + this.relFast.byteLength + this.relNext.byteLength + this.relReq.byteLength + this.relSim.byteLength + this.relG.byteLength;
    for (const id of this.ordOf.keys()) bytes += 80 + 2 * id.length;
    for (const [id] of this.skillOrd) bytes += 80 + 2 * id.length;
    return bytes;
  }

  /**
   * Throws when a live candidate's pool entry disagrees with its posting: the list index, the candidate
   * it belongs to, or the float32 copy of its la. The copies are derived data kept in step by every change
   * of la; tests call this after updates.
   */
  checkConsistency(): void {
    for (let c = 0; c < this.nOrd; c++) {
      if ((this.flags[c] & ALIVE) === 0) continue;
      const end = this.poolStart[c] + this.poolCount[c];
      for (let p = this.poolStart[c]; p < end; p++) {
        const l = this.lists[this.pool[p]];
        const i = this.poolIdx[p];
        if (!(i >= 0 && i < l.len && l.cand[i] === c)) throw new Error(`MatchIndex: pool entry ${p} of ordinal ${c} points at posting ${i} of list ${l.ord}, not its own`);
        if (!Object.is(this.poolLa[p], Math.fround(l.la[i]))) throw new Error(`MatchIndex: pool entry ${p} of ordinal ${c} holds la ${this.poolLa[p]}, its posting ${l.la[i]}`);
      }
    }
  }

  /**
   * Re-reads every skill's half-life. Only needed when half-lives change while the similarity
   * maps stay the same objects (SimilarityIndex replaces its maps on every taxonomy change, which
   * already triggers a re-read for the skills of the job being ranked).
   */
  refreshHalfLives(): void {
    for (const l of this.lists) this.refreshList(l);
  }

  /** Drops all tombstones, renumbers ordinals densely and trims every array to its size. */
  compact(): void {
    this.renumber(true);
  }

  /**
   * Ranks the discoverable candidates exactly like `rankCandidates` of the engine
   * (items: candidateId, score, meetsMandatory). Explanations: run `matchCandidate` on the items.
   */
  rank(job: JobRequirements, sim: SimilarityLookup, asOf: Date, options: RankOptions = { first: 20 }): RankResult<RankedCandidate> {
    validateFirst(options.first);
    const reqs = job.requirements;
    validateRequirements(reqs);
    const asOfMs = asOf.getTime();
    const nReq = reqs.length;
    const thr = this.config.mandatoryThreshold;
    let nMand = 0;
    for (const r of reqs) if (r.mandatory) nMand++;
    if (nMand >= MAYBE) throw new RangeError(`at most ${MAYBE - 1} mandatory requirements`);
    const allMeet = nMand === 0 || 0 >= thr;
    let W = 0;
    for (const r of reqs) W += r.weight;

    const rankBase = this.stampCounter;
    this.stampCounter += 3 * (nReq + 1);
    const compiled: CompiledSim[] = reqs.map((r) => this.compile(sim.similarTo(r.skillId)));
    for (const c of compiled) for (let j = 0; j < c.lists.length; j++) this.prepareList(this.lists[c.lists[j]], asOfMs, rankBase);

    // ---- 0. MaxScore path (first page without minScore / cursor): see `maxScorePass`
    this.msFrom = Infinity;
    if (this.pruneEnabled && this.maxScoreEnabled !== false && options.after == null && options.minScore == null && W > 0 && nReq > 0 && nMand < MAX_MAND8) {
      const m = this.maxScorePass(reqs, compiled, asOfMs, rankBase, options.first + 1, W, nMand, allMeet);
      if (m < 0) this.msFrom = Infinity;
      else {
        this.exactCount = 0;
        const result = this.select(options, reqs, compiled, asOfMs, rankBase, this.survivors, m, W, nMand, allMeet, DELTA_POOL);
        this.diag = { touched: this.msTouched, closedAfter: 0, survivors: m, exactEvaluations: this.exactCount };
        return result;
      }
    }

    // ---- 1. approximate pass: st[o] = [req stamp, best value, Σ w·cov, counters].
    // Order: mandatory requirements first, then by weight descending. Pruning (first page without
    // minScore only): at checkpoints — after the last mandatory requirement, and when the weight
    // still to come drops below 1/2 and 1/4 — θ = the (first+1)-th best lower bound of the key
    // 2·meetsMandatory + score. Once even a candidate not seen yet cannot reach θ (its upper bound
    // is 2·[may still meet] + remaining weight / W), the set is "closed": later postings are only
    // folded for the surviving candidates (upper bound ≥ θ), which are also the only ones selected.
    const order = reqs.map((_, i) => i).sort((a, b) => {
      if (reqs[a].mandatory !== reqs[b].mandatory) return reqs[a].mandatory ? -1 : 1;
      return reqs[b].weight - reqs[a].weight || a - b;
    });
    const prune = this.pruneEnabled && options.after == null && options.minScore == null && W > 0;
    const invW = W > 0 ? 1 / W : 0;
    let rest = W;
    let mandDone = 0;
    let closed = false;
    let alive = this.allOnes;
    let list = this.touched;
    let nList = 0;
    let closedAfter: number | null = null;
    let checkedMand = !(nMand > 0 && !allMeet);
    let checkedHalf = false;
    let checkedQuarter = false;
    this.nTouched = 0;
    for (let p = 0; p < nReq; p++) {
      const ri = order[p];
      const req = reqs[ri];
      const cs = compiled[ri];
      const mand = req.mandatory && !allMeet;
      for (let j = 0; j < cs.lists.length; j++) {
        const l = this.lists[cs.lists[j]];
        if (l.len > 0) this.scanList(l, alive, cs.sims[j], asOfMs, rankBase, rankBase + ri, req.level, req.weight, mand, thr);
      }
      rest -= req.weight;
      if (req.mandatory) mandDone++;
      if (!closed) nList = this.nTouched;
      if (!prune || p === nReq - 1) continue;
      const fraction = rest * invW;
      let atCheckpoint = false;
      if (!checkedMand && mandDone === nMand) atCheckpoint = checkedMand = true;
      if (!checkedHalf && fraction < 0.5) atCheckpoint = checkedHalf = true;
      if (!checkedQuarter && fraction < 0.25) atCheckpoint = checkedQuarter = true;
      if (!atCheckpoint) continue;
      const survivors = this.checkpoint(list, nList, closed, options.first + 1, rankBase, invW, rest * invW, nMand, mandDone, allMeet);
      if (survivors >= 0) {
        if (!closed) {
          closedAfter = p + 1;
          closed = true;
          alive = this.alive;
          list = this.survivors;
        }
        nList = survivors;
      }
    }
    this.exactCount = 0;
    try {
      return this.select(options, reqs, compiled, asOfMs, rankBase, list, nList, W, nMand, allMeet, DELTA);
    } finally {
      if (closed) for (let t = 0; t < nList; t++) this.alive[list[t]] = 0;
      this.diag = { touched: this.nTouched, closedAfter, survivors: nList, exactEvaluations: this.exactCount };
    }
  }

  /**
   * MaxScore-style pruning by per-list upper bounds (first page without minScore / cursor).
   *
   * ub(r, list) = min(1, sim × max strength of the list at asOf / level of r) bounds the coverage
   * of requirement r from that list. Per requirement the lists are ordered by ub descending; the
   * "essential" lists are a prefix of that order, c_r = the largest ub of the other lists (0 if none).
   * A candidate absent from every essential list has key ≤ U = Σ w_r c_r / W (+2 if c_r ≥ threshold
   * for every mandatory r). Steps:
   * 1. scan the top-ub lists of every requirement into a per-candidate coverage row; θ = the k1-th
   *    best lower bound of the key 2·meets + score;
   * 2. make more lists essential (greedily, most bound reduction per posting first) until U < θ
   *    (with a margin), and scan them;
   * 3. survivors = active candidates seen whose upper bound (coverage seen, or c_r where larger)
   *    reaches θ (recomputed, only larger); everything else is below θ ≤ the final page boundary;
   * 4. each survivor gets its full approximate record (all its postings, found through its pool),
   *    in the same format as the approximate pass; `select` settles the page exactly.
   * Returns the survivors' count (in `survivors`), or −1 when U < θ cannot be reached (then the
   * approximate pass runs instead).
   */
  private maxScorePass(
    reqs: readonly Requirement[],
    compiled: readonly CompiledSim[],
    asOfMs: number,
    rankBase: number,
    k1: number,
    W: number,
    nMand: number,
    allMeet: boolean,
  ): number {
    const nReq = reqs.length;
    const thr = this.config.mandatoryThreshold;
    const invW = 1 / W;
    const flags = this.flags;
    const st = this.st;
    const touched = this.touched;
    // MaxScore records: two stamp ranges of nReq + 1 (first θ, cut scan); restarted before Int32 overflow
    if (this.msStamp + 2 * (nReq + 1) + 1 >= 0x7fffffff) {
      this.msI.fill(0);
      this.msStamp = 0;
    }
    const msBase1 = this.msStamp + 1;
    this.msStamp += 2 * (nReq + 1) + 1;
    this.msFrom = msBase1;
    const msI = this.msI;
    const msF = this.msF;
    const msMand = this.msMand;
    // their margin: a candidate's Σ w·cov and excess take at most (its postings × nReq) float32 additions of
    // terms ≥ 0 whose sum stays ≤ W, each rounded by ≤ 2^-24 of it, and its values are rounded once (2^-24
    // relative): both sums are within (maxPool × nReq + 1) × 2^-24 × W; twice that, + DELTA for the
    // approximation itself. The same margin guards the mandatory threshold against the rounded values.
    const delta32 = (this.maxPool * nReq + 1) * 2 ** -23 + DELTA;
    const levelOf = Float64Array.from(reqs, (r) => r.level);
    const weightOf = Float64Array.from(reqs, (r) => r.weight);
    const mandOf = Uint8Array.from(reqs, (r) => (r.mandatory && !allMeet ? 1 : 0));

    // per requirement: its lists by upper bound descending (ub clamped to 1);
    // kept on the compiled similarity map until the index's postings change (the order for every level,
    // the bounds per level), and reused for a later asOf within BOUNDS_REUSE_MS (strength only decays,
    // so bounds computed at an earlier asOf still bound it; rankings "as of now" reuse them)
    const ubs: Float64Array[] = [];
    const orders: Int32Array[] = [];
    const firstCut = new Int32Array(nReq);
    for (let r = 0; r < nReq; r++) {
      const cs = compiled[r];
      let b = cs.bounds;
      if (b === undefined || !(b.asOfMs <= asOfMs && asOfMs - b.asOfMs <= BOUNDS_REUSE_MS) || b.version !== this.version) {
        b = this.listBounds(cs, asOfMs);
        cs.bounds = b;
      }
      let lb = b.byLevel.get(levelOf[r]);
      if (lb === undefined) {
        lb = levelBounds(b, cs.sims, levelOf[r]);
        b.byLevel.set(levelOf[r], lb);
      }
      firstCut[r] = lb.firstCut;
      ubs.push(lb.ub);
      orders.push(lb.ord);
    }
    const ess = Int32Array.from(firstCut); // lists [0, ess[r]) of orders[r] are essential
    const cut = (r: number): number => (ess[r] < orders[r].length ? ubs[r][orders[r][ess[r]]] : 0);
    /** postings of the essential lists [0, to) of r that a scan with cut c reads (impact order: only those above c, + tails) */
    const readCost = (r: number, to: number, c: number): number => {
      const cs = compiled[r];
      const floorV = c * levelOf[r];
      let cost = 0;
      for (let q = 0; q < to; q++) {
        const j = orders[r][q];
        const l = this.lists[cs.lists[j]];
        const g = cs.sims[j] * l.factor;
        const perm = l.perm;
        if (!(floorV > 0) || perm === null || !(l.factor === l.factor) || l.extreme !== 0 || !(g > 0)) {
          cost += l.len;
          continue;
        }
        // estimate from the quantiles (within permLen / QUANTILES)
        const quant = l.quant as Float64Array;
        const x = floorV / g;
        let lo = 0;
        let hi = QUANTILES + 1;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (quant[mid] > x) lo = mid + 1;
          else hi = mid;
        }
        // lo quantile points above x: interpolate between positions of points lo − 1 and lo
        let above: number;
        if (lo === 0) above = 0;
        else if (lo > QUANTILES) above = l.permLen;
        else {
          const a = quant[lo - 1];
          const b = quant[lo];
          const f = a > b ? (a - x) / (a - b) : 1;
          above = ((lo - 1 + f) * (l.permLen - 1)) / QUANTILES + 1;
        }
        cost += above + (l.len - l.permLen);
      }
      return cost;
    };

    /**
     * Folds the essential lists [from, to) of requirement r into the MaxScore records (msI / msF: stamp, best
     * raw value, Σ w·cov, excess = Σ w·max(0, cov − cr); msMand: sure + MAYBE8 × maybe). A record older than
     * `base` is reset. Postings with coverage ≤ cr are skipped (they only matter through cr).
     */
    let nTouched = 0;
    // the cut scan's gate: candidates are listed (once, marked GATED) when their excess reaches `gate`, or
    // with gateMaybe when they may meet every mandatory requirement (counting the freeMaybe ones)
    let gate = Infinity;
    let gateMaybe = false;
    let freeMaybe = 0; // mandatory requirements whose cut alone may reach the threshold
    const gated = this.gateBuf;
    let nGated = 0;
    const scanRecords = (r: number, from: number, to: number, base: number, cr: number): void => {
      const cs = compiled[r];
      const stamp = base + 1 + r;
      const level = levelOf[r];
      const w = weightOf[r];
      const mand = mandOf[r] === 1;
      const countMaybe = mand && !(cr >= thr - DELTA);
      const sureAt = thr + delta32;
      const maybeAt = thr - delta32;
      const floorV = cr * level;
      for (let q = from; q < to; q++) {
        const j = orders[r][q];
        const l = this.lists[cs.lists[j]];
        const simv = cs.sims[j];
        const g = simv * l.factor;
        const capV = simv * level;
        const { cand, la, ev, ex } = l;
        const n = l.len;
        // no posting dated after asOf, no exponent out of range: only expiry may still need a check
        const current = l.factor === l.factor && l.extreme === 0 && l.maxEv <= asOfMs;
        const unchecked = current && ex === null;
        // impact order: positions k < pl visit perm[k] (la descending) until la × g ≤ floorV, then the
        // unsorted tail [pl, n) in place; without it (pl = 0) every posting in place
        const ordered = floorV > 0 && l.perm !== null && l.factor === l.factor && l.extreme === 0 && g > 0;
        const perm = ordered ? (l.perm as Int32Array) : NO_PERM;
        const pl = ordered ? l.permLen : 0;
        // the copied top of the impact order (hotLa / hotCand) is read in sequence: no dependent load
        const hn = ordered && current ? l.hotLen : 0;
        const hotLa = l.hotLa;
        const hotCand = l.hotCand;
        const hotEx = l.hotEx;
        const expiring = ex !== null;
        for (let k = 0; k < n; k++) {
          let v: number;
          let c: number;
          if (k < hn) {
            v = hotLa[k] * g;
            if (v > capV) v = capV;
            if (v <= floorV) {
              k = pl - 1; // the rest of the sorted part is below the cut too: on to the tail
              continue;
            }
            if (expiring && hotEx[k] <= asOfMs) continue;
            c = hotCand[k];
          } else {
            const i = k < pl ? perm[k] : k;
            if (unchecked) v = la[i] * g;
            else {
              if (ev[i] > asOfMs || (ex !== null && ex[i] <= asOfMs)) continue;
              v = la[i] * g;
              if (!(v === v)) v = simv * this.exactStrength(l, i, asOfMs);
            }
            if (v > capV) v = capV;
            if (v <= floorV) {
              if (k < pl) k = pl - 1; // the rest of the sorted part is below the cut too: on to the tail
              continue;
            }
            c = cand[i];
          }
          // the record holds float32 values: v is rounded once, so that every comparison with the stored
          // best sees the same value (the mandatory counters then count each requirement once)
          const v32 = Math.fround(v);
          const o = c << 2;
          if (msI[o] !== stamp) {
            if (msI[o] < base) {
              msF[o + 2] = 0;
              msF[o + 3] = 0;
              msMand[c] = 0;
              touched[nTouched++] = c;
            }
            msI[o] = stamp;
            msF[o + 1] = v32;
            const cv = v32 < level ? v32 / level : 1;
            msF[o + 2] += w * cv;
            if (cv > cr) {
              const ex0 = msF[o + 3];
              const ex1 = Math.fround(ex0 + w * (cv - cr));
              msF[o + 3] = ex1;
              if (ex1 >= gate && !(ex0 >= gate) && (msMand[c] & GATED) === 0) {
                msMand[c] |= GATED;
                gated[nGated++] = c;
              }
            }
            if (mand) {
              const mm = msMand[c] + (cv >= sureAt ? 1 : 0) + (countMaybe && cv >= maybeAt ? MAYBE8 : 0);
              msMand[c] = mm;
              if (gateMaybe && (mm & GATED) === 0 && ((mm >> 8) & 0x7f) + freeMaybe === nMand) {
                msMand[c] = mm | GATED;
                gated[nGated++] = c;
              }
            }
          } else {
            const b = msF[o + 1];
            if (v32 > b && b < level) {
              msF[o + 1] = v32;
              const old = b / level;
              const cv = v32 < level ? v32 / level : 1;
              msF[o + 2] += w * (cv - old);
              if (cv > cr) {
                const ex0 = msF[o + 3];
                const ex1 = Math.fround(ex0 + w * (cv - (old > cr ? old : cr)));
                msF[o + 3] = ex1;
                if (ex1 >= gate && !(ex0 >= gate) && (msMand[c] & GATED) === 0) {
                  msMand[c] |= GATED;
                  gated[nGated++] = c;
                }
              }
              if (mand) {
                const mm = msMand[c] + (cv >= sureAt && old < sureAt ? 1 : 0) + (countMaybe && cv >= maybeAt && old < maybeAt ? MAYBE8 : 0);
                msMand[c] = mm;
                if (gateMaybe && (mm & GATED) === 0 && ((mm >> 8) & 0x7f) + freeMaybe === nMand) {
                  msMand[c] = mm | GATED;
                  gated[nGated++] = c;
                }
              }
            }
          }
        }
      }
    };
    const loOf = (c: number): number => {
      const sure = allMeet || (msMand[c] & 0xff) === nMand;
      return msF[(c << 2) + 2] * invW - delta32 + (sure ? 2 : 0);
    };

    // full approximate record of one candidate from its own postings (pool → lists relevant to the job)
    this.buildRel(compiled, asOfMs, rankBase);
    const { relHead, relStamp, relFast, relNext, relReq, relSim, relG } = this;
    const best = new Float64Array(nReq);
    const pool = this.pool;
    const poolIdx = this.poolIdx;
    const poolLa = this.poolLa;
    /**
     * c's full approximate Σ w·cov and counters (written to its record with `write`); returns its lower bound key.
     * Lists where every posting counts at la × factor (relFast) are read from the float32 copies in the pool
     * (each value within 2^-24 relative of la): its values carry the margin DELTA_POOL (see `select`).
     */
    const evalFull = (c: number, write: boolean): number => {
      best.fill(0);
      const start = this.poolStart[c];
      const end = start + this.poolCount[c];
      for (let p = start; p < end; p++) {
        const lo = pool[p];
        if (relStamp[lo] !== rankBase) continue;
        let la = poolLa[p];
        if (relFast[lo] === 1 && la > F32_SAFE_MIN && la < F32_SAFE_MAX) {
          for (let e = relHead[lo]; e >= 0; e = relNext[e]) {
            const r = relReq[e];
            let v = la * relG[e];
            const capV = relSim[e] * levelOf[r];
            if (v > capV) v = capV;
            if (v > best[r]) best[r] = v;
          }
          continue;
        }
        const l = this.lists[lo];
        const i = poolIdx[p];
        if (l.ev[i] > asOfMs || (l.ex !== null && l.ex[i] <= asOfMs)) continue;
        la = l.la[i];
        const fast = la * l.factor === la * l.factor;
        for (let e = relHead[lo]; e >= 0; e = relNext[e]) {
          const r = relReq[e];
          let v = fast ? la * relG[e] : relSim[e] * this.exactStrength(l, i, asOfMs);
          const capV = relSim[e] * levelOf[r];
          if (v > capV) v = capV;
          if (v > best[r]) best[r] = v;
        }
      }
      let acc = 0;
      let counts = 0;
      let sure = true;
      for (let r = 0; r < nReq; r++) {
        const level = levelOf[r];
        const cv = best[r] < level ? best[r] / level : 1;
        acc += weightOf[r] * cv;
        if (mandOf[r] === 1) {
          counts += (cv >= thr + DELTA_POOL ? 1 : 0) + (cv >= thr - DELTA_POOL ? MAYBE : 0);
          if (!(cv >= thr + DELTA_POOL)) sure = false;
        }
      }
      if (write) {
        const o = c * REC;
        st[o + 2] = acc;
        st[o + 3] = counts;
      }
      return acc * invW - DELTA_POOL + (allMeet || sure ? 2 : 0);
    };
    /** θ: the k1-th best full lower bound among the PROBE·k1 candidates of best record lower bounds (−∞ when fewer than k1) */
    const heap = new Float64Array(PROBE * k1);
    const probeTheta = (): number => {
      const k = PROBE * k1;
      let size = 0;
      for (let t = 0; t < nTouched; t++) {
        const c = touched[t];
        if (flags[c] !== ACTIVE) continue;
        const lo = loOf(c);
        msF[(c << 2) + 1] = lo; // the best value of the last requirement is no longer needed
        if (size < k || lo > heap[0]) size = heapPush(heap, size, k, lo);
      }
      if (size === 0) return -Infinity;
      const bar = size < k ? -Infinity : heap[0];
      size = 0;
      let probed = 0;
      for (let t = 0; t < nTouched && probed < PROBE_CAP * k; t++) {
        const c = touched[t];
        if (flags[c] !== ACTIVE || msF[(c << 2) + 1] < bar) continue;
        probed++;
        const lo = evalFull(c, false);
        if (size < k1 || lo > heap[0]) size = heapPush(heap, size, k1, lo);
      }
      return size < k1 ? -Infinity : heap[0];
    };
    const unseenBound = (): number => {
      let s = 0;
      let meets = true;
      for (let r = 0; r < nReq; r++) {
        const cr = cut(r);
        s += weightOf[r] * cr;
        if (mandOf[r] === 1 && !(cr >= thr - DELTA)) meets = false;
      }
      return s * invW + DELTA + (allMeet || meets ? 2 : 0);
    };

    // 1. the top lists of every requirement (usually its exact skill) → a first θ
    let jobPostings = 0;
    let firstPostings = 0;
    for (let r = 0; r < nReq; r++) {
      for (let q = 0; q < orders[r].length; q++) {
        const n = this.lists[compiled[r].lists[orders[r][q]]].len;
        jobPostings += n;
        if (q < firstCut[r]) firstPostings += n;
      }
    }
    if (this.maxScoreEnabled !== 'force' && firstPostings > MAX_FIRST * jobPostings) return -1; // no cheap θ: the approximate pass does it
    for (let r = 0; r < nReq; r++) scanRecords(r, 0, firstCut[r], msBase1, FIRST_FLOOR * (firstCut[r] > 0 ? ubs[r][orders[r][0]] : 0));
    const theta1 = probeTheta();
    if (theta1 === -Infinity) return -1;
    // 2. cuts: lower c_r (most bound reduction per posting first) until U < θ − margin
    const margin = Math.min(MARGIN, Math.max(0, (theta1 % 2) * MARGIN * 2));
    const target = theta1 - margin;
    // per requirement: its cut, its read cost there, and its next move (where ess[r] goes, the cut and
    // the read cost after it; recomputed only when ess[r] changes). The bound U is kept incrementally:
    // Σ w·cut and the number of mandatory requirements whose cut can no longer meet the threshold.
    const curCost = new Float64Array(nReq);
    const cutOf = new Float64Array(nReq);
    const moveTo = new Int32Array(nReq);
    const moveNext = new Float64Array(nReq);
    const moveCost = new Float64Array(nReq);
    /** 1 when the move takes a mandatory requirement's cut below the threshold (unseen candidates can no longer meet it) */
    const moveLost = new Uint8Array(nReq);
    let cutW = 0;
    let blocked = 0;
    const bound = (sum: number, nBlocked: number): number => sum * invW + DELTA + (allMeet || nBlocked === 0 ? 2 : 0);
    const planMove = (r: number): void => {
      const ord = orders[r];
      const ub = ubs[r];
      const e = ess[r];
      if (e >= ord.length) {
        moveTo[r] = -1;
        return;
      }
      const cr = ub[ord[e]];
      // steps of at least (1 − CUT_STEP) of the cut (lists with close bounds move together); a mandatory
      // requirement whose cut may meet the threshold moves below it at once
      let stop = cr * CUT_STEP;
      if (mandOf[r] === 1 && cr >= thr - DELTA) stop = Math.min(stop, thr - DELTA);
      let to = e;
      while (to < ord.length && ub[ord[to]] >= stop) to++;
      const next = to < ord.length ? ub[ord[to]] : 0;
      moveTo[r] = to;
      moveNext[r] = next;
      moveCost[r] = readCost(r, to, next);
      moveLost[r] = mandOf[r] === 1 && cr >= thr - DELTA && !(next >= thr - DELTA) ? 1 : 0;
    };
    for (let r = 0; r < nReq; r++) {
      cutOf[r] = cut(r);
      cutW += weightOf[r] * cutOf[r];
      if (mandOf[r] === 1 && !(cutOf[r] >= thr - DELTA)) blocked++;
      curCost[r] = readCost(r, ess[r], cutOf[r]);
      planMove(r);
    }
    while (!(bound(cutW, blocked) < target)) {
      let bestR = -1;
      let bestRatio = -1;
      // a move that reaches the target alone: the cheapest such; otherwise the best gain per posting
      let finR = -1;
      let finCost = Infinity;
      for (let r = 0; r < nReq; r++) {
        if (moveTo[r] < 0) continue;
        const cr = cutOf[r];
        const next = moveNext[r];
        const cost = 1 + Math.max(0, moveCost[r] - curCost[r]);
        const lost = moveLost[r];
        let gain = weightOf[r] * (cr - next);
        if (lost) gain += 2 * W;
        if (bound(cutW + weightOf[r] * (next - cr), blocked + lost) < target && cost < finCost) {
          finCost = cost;
          finR = r;
        }
        const ratio = gain / cost;
        if (ratio > bestRatio) {
          bestRatio = ratio;
          bestR = r;
        }
      }
      const r = finR >= 0 ? finR : bestR;
      if (r < 0) break;
      const next = moveNext[r];
      blocked += moveLost[r];
      cutW += weightOf[r] * (next - cutOf[r]);
      cutOf[r] = next;
      ess[r] = moveTo[r];
      curCost[r] = moveCost[r];
      planMove(r);
    }
    // not worth it when most of the job's postings are essential: the approximate pass does the same work
    let essPostings = 0;
    for (let r = 0; r < nReq; r++) essPostings += curCost[r];
    if (!(unseenBound() < theta1) || (this.maxScoreEnabled !== 'force' && essPostings > MAX_ESSENTIAL * jobPostings)) {
      return -1;
    }

    // 3. every essential list again, with the cuts, into fresh records
    const base2 = msBase1 + nReq + 1;
    const cuts = new Float64Array(nReq);
    let cutSum = 0;
    for (let r = 0; r < nReq; r++) {
      cuts[r] = cut(r);
      cutSum += weightOf[r] * cuts[r];
      if (mandOf[r] === 1 && cuts[r] >= thr - DELTA) freeMaybe++;
    }
    // Gate: a survivor needs upper bound ≥ θ2 ≥ θ1, i.e. (cutSum + excess) / W + delta32 ≥ θ1 − 2 when it
    // has the +2 — which every key ≥ θ1 ≥ 2 needs, and everyone has without mandatory requirements —, else
    // ≥ θ1 (θ1 < 2: it may also have the +2, i.e. may meet every mandatory requirement). The scan lists the
    // candidates that reach that excess (less another delta32 for the float32 rounding) or may meet (θ1 < 2),
    // and only they are visited below; θ2 is the same: the k1 best lower bounds above θ1 are all listed ones.
    // No gate when it would list everyone (a threshold ≤ 0, or every mandatory requirement free).
    const meetsNeeded = allMeet || theta1 >= 2;
    gate = Math.fround((theta1 - (meetsNeeded ? 2 : 0) - 2 * delta32) * W - cutSum);
    gateMaybe = !meetsNeeded;
    const gating = gate > 0 && !(gateMaybe && freeMaybe === nMand);
    if (!gating) {
      gate = Infinity;
      gateMaybe = false;
    }
    nTouched = 0;
    nGated = 0;
    for (let r = 0; r < nReq; r++) scanRecords(r, 0, ess[r], base2, cuts[r]);
    this.msTouched = nTouched;
    // 4. + 5. one pass over the records: lower bounds → a better θ (never below the first one; the records
    // are partial — essential postings above the cuts — so their lower bounds are valid), and upper bounds
    // (c_r, or the coverage seen where larger) kept beside the candidates; survivors: upper bound ≥ θ
    const out = this.survivors;
    const seen = gating ? gated : touched;
    const nSeen = gating ? nGated : nTouched;
    if (this.hiBuf.length < nSeen) this.hiBuf = new Float64Array(Math.max(nSeen, 2 * this.hiBuf.length));
    const hiBuf = this.hiBuf;
    let n5 = 0;
    let theta2 = theta1;
    {
      let size = 0;
      for (let t = 0; t < nSeen; t++) {
        const c = seen[t];
        if (flags[c] !== ACTIVE) continue;
        const lo = loOf(c);
        if (size < k1 || lo > heap[0]) size = heapPush(heap, size, k1, lo);
        out[n5] = c;
        hiBuf[n5++] = (cutSum + msF[(c << 2) + 3]) * invW + delta32 + (allMeet || ((msMand[c] >> 8) & 0x7f) + freeMaybe === nMand ? 2 : 0);
      }
      if (size === k1 && heap[0] > theta2) theta2 = heap[0];
    }
    let m = 0;
    for (let t = 0; t < n5; t++) {
      if (hiBuf[t] >= theta2) {
        out[m] = out[t];
        hiBuf[m++] = hiBuf[t];
      }
    }
    // full records: per survivor from its pool, or — for many survivors — by one
    // pass over every list of the job that folds only the survivors' postings (as the approximate pass)
    if (m * EVAL_VS_SCAN <= jobPostings && !(this.maxScoreEnabled === 'force' && (m & 1) === 1)) {
      // by upper bound descending (then ordinal); stop at the first whose upper bound is below the k1-th
      // best full lower bound so far (it, and all after it, cannot reach the page). Usually only a few of
      // the survivors are taken, so they come from a binary max-heap (built in O(m)), not a full sort.
      if (this.posBuf.length < m) this.posBuf = new Int32Array(Math.max(m, 2 * this.posBuf.length));
      const pos = this.posBuf;
      const before = (a: number, b: number): boolean => hiBuf[a] > hiBuf[b] || (hiBuf[a] === hiBuf[b] && out[a] < out[b]);
      const siftDown = (from: number, n: number): void => {
        const x = pos[from];
        let i = from;
        for (;;) {
          let ch = 2 * i + 1;
          if (ch >= n) break;
          if (ch + 1 < n && before(pos[ch + 1], pos[ch])) ch++;
          if (!before(pos[ch], x)) break;
          pos[i] = pos[ch];
          i = ch;
        }
        pos[i] = x;
      };
      for (let t = 0; t < m; t++) pos[t] = t;
      for (let i = (m >> 1) - 1; i >= 0; i--) siftDown(i, m);
      // the kept survivors go to `touched` (no longer needed: the survivors were taken from it)
      let size = 0;
      let kept = 0;
      for (let n = m; n > 0; ) {
        const t = pos[0];
        if (size === k1 && hiBuf[t] < heap[0]) break;
        size = heapPush(heap, size, k1, evalFull(out[t], true));
        touched[kept++] = out[t];
        pos[0] = pos[--n];
        siftDown(0, n);
      }
      out.set(touched.subarray(0, kept));
      return kept;
    }
    const alive = this.alive;
    for (let t = 0; t < m; t++) alive[out[t]] = 1;
    const base3 = rankBase + 2 * (nReq + 1);
    this.nTouched = 0;
    try {
      for (let r = 0; r < nReq; r++) {
        const cs = compiled[r];
        for (let q = 0; q < orders[r].length; q++) {
          const j = orders[r][q];
          this.scanList(this.lists[cs.lists[j]], alive, cs.sims[j], asOfMs, base3, base3 + 1 + r, levelOf[r], weightOf[r], mandOf[r] === 1, thr);
        }
      }
    } finally {
      for (let t = 0; t < m; t++) alive[out[t]] = 0;
    }
    return m;
  }


  /**
   * θ = (k1)-th best lower bound of 2·meets + score among `list`. If even an unseen candidate
   * cannot reach θ, writes the candidates whose upper bound reaches θ to `survivors`, marks them
   * in `alive` and returns their count; otherwise returns −1. With `closed`, `list` is the current
   * survivors (the pruned ones are unmarked).
   */
  private checkpoint(
    list: Int32Array,
    n: number,
    closed: boolean,
    k1: number,
    rankBase: number,
    invW: number,
    restFraction: number,
    nMand: number,
    mandDone: number,
    allMeet: boolean,
  ): number {
    const st = this.st;
    const flags = this.flags;
    const heap = new Float64Array(k1);
    let heapSize = 0;
    const allMandDone = mandDone === nMand;
    // a long touched list is visited in ordinal order instead (sequential memory access)
    const sequential = !closed && n > this.nOrd >> 2;
    const count = sequential ? this.nOrd : n;
    for (let t = 0; t < count; t++) {
      const c = sequential ? t : list[t];
      if (flags[c] !== ACTIVE) continue;
      const o = c * REC;
      if (st[o] < rankBase) continue;
      let lo = st[o + 2] * invW - DELTA;
      if (allMeet) lo += 2;
      else if (allMandDone) {
        const counts = st[o + 3];
        if (counts - Math.floor(counts / MAYBE) * MAYBE === nMand) lo += 2;
      }
      if (heapSize === k1 && lo <= heap[0]) continue;
      heapSize = heapPush(heap, heapSize, k1, lo);
    }
    if (heapSize < k1) return -1;
    const theta = heap[0];
    // an unseen candidate: score ≤ rest; meets only if no mandatory requirement was processed yet
    const unseenHi = restFraction + DELTA + (allMeet || mandDone === 0 ? 2 : 0);
    if (!closed && !(unseenHi < theta)) return -1;
    const out = this.survivors;
    const alive = this.alive;
    let m = 0;
    for (let t = 0; t < count; t++) {
      const c = sequential ? t : list[t];
      const o = c * REC;
      if (sequential && st[o] < rankBase) continue;
      let hi = st[o + 2] * invW + restFraction + DELTA;
      if (allMeet) hi += 2;
      else if (Math.floor(st[o + 3] / MAYBE) === mandDone) hi += 2;
      if (flags[c] === ACTIVE && st[o] >= rankBase && hi >= theta) {
        out[m++] = c;
        alive[c] = 1;
      } else if (closed) {
        alive[c] = 0;
      }
    }
    return m;
  }

  /** Folds the postings of `l` (those of candidates with alive[c] = 1) into the candidates' records. */
  private scanList(
    l: PostingList,
    alive: Uint8Array,
    simv: number,
    asOfMs: number,
    rankBase: number,
    stamp: number,
    level: number,
    w: number,
    mand: boolean,
    thr: number,
  ): void {
    const st = this.st;
    const touched = this.touched;
    const cand = l.cand;
    const la = l.la;
    const ev = l.ev;
    const ex = l.ex;
    const n = l.len;
    const g = simv * l.factor;
    const capV = simv * level;
    const hiThr = thr + DELTA;
    const loThr = thr - DELTA;
    const unchecked = l.factor === l.factor && l.extreme === 0 && ex === null && l.maxEv <= asOfMs;
    let nTouched = this.nTouched;
    for (let i = 0; i < n; i++) {
      const c = cand[i];
      if (alive[c] === 0) continue;
      let v: number;
      if (unchecked) {
        // no date can exclude a posting of this list
        v = la[i] * g;
      } else {
        if (ev[i] > asOfMs || (ex !== null && ex[i] <= asOfMs)) continue;
        v = la[i] * g;
        if (!(v === v)) v = simv * this.exactStrength(l, i, asOfMs); // out of the fast path's range
      }
      if (v > capV) v = capV;
      const o = c * REC;
      if (st[o] !== stamp) {
        if (st[o] < rankBase) {
          st[o + 2] = 0;
          st[o + 3] = 0;
          touched[nTouched++] = c;
        }
        st[o] = stamp;
        st[o + 1] = v;
        const cov = v < level ? v / level : 1;
        st[o + 2] += w * cov;
        if (mand) st[o + 3] += (cov >= hiThr ? 1 : 0) + (cov >= loThr ? MAYBE : 0);
      } else {
        const b = st[o + 1];
        if (v > b && b < level) {
          st[o + 1] = v;
          const covOld = b / level;
          const cov = v < level ? v / level : 1;
          st[o + 2] += w * (cov - covOld);
          if (mand) st[o + 3] += (cov >= hiThr && covOld < hiThr ? 1 : 0) + (cov >= loThr && covOld < loThr ? MAYBE : 0);
        }
      }
    }
    this.nTouched = nTouched;
  }

  /**
   * Benchmark aid: one bare pass over every posting the job touches (reads cand and la, plus the
   * dates where `rank` must check them too; no per-candidate work). Returns a checksum.
   */
  scanFloor(job: JobRequirements, sim: SimilarityLookup, asOf: Date): number {
    const asOfMs = asOf.getTime();
    const stamp = this.stampCounter++;
    let acc = 0;
    for (const r of job.requirements) {
      const cs = this.compile(sim.similarTo(r.skillId));
      for (let j = 0; j < cs.lists.length; j++) {
        const l = this.lists[cs.lists[j]];
        this.prepareList(l, asOfMs, stamp);
        const g = cs.sims[j] * l.factor;
        const { cand, ev, ex, la } = l;
        const n = l.len;
        if (ex === null && l.maxEv <= asOfMs) {
          for (let i = 0; i < n; i++) acc += la[i] * g + cand[i];
        } else {
          for (let i = 0; i < n; i++) {
            if (ev[i] > asOfMs || (ex !== null && ex[i] <= asOfMs)) continue;
            acc += la[i] * g + cand[i];
          }
        }
      }
    }
    return acc;
  }

  // ------------------------------------------------------------------ selection

  /**
   * The page from the records of `list`: exact scores for the candidates whose bounds do not settle
   * their place. `delta` is the records' margin on the score: DELTA, or DELTA_POOL when they may come
   * from the pool's float32 copies (their mandatory counters already carry theirs).
   */
  private select(
    options: RankOptions,
    reqs: readonly Requirement[],
    compiled: readonly CompiledSim[],
    asOfMs: number,
    rankBase: number,
    list: Int32Array,
    nList: number,
    W: number,
    nMand: number,
    allMeet: boolean,
    delta: number,
  ): RankResult<RankedCandidate> {
    const k1 = options.first + 1;
    const minScore = options.minScore ?? null;
    const cursor = options.after ?? null;
    const cursorKey = cursor === null ? 0 : cursor.score + (cursor.meetsMandatory ? 2 : 0);
    const flags = this.flags;
    const st = this.st;
    const invW = W > 0 ? 1 / W : 0;
    const sureAll = nMand;
    const maybeAll = nMand * MAYBE;

    const exact = (c: number): void => {
      if (this.exactStamp[c] === rankBase) return;
      const r = this.exactEval(c, reqs, compiled, asOfMs, rankBase);
      this.exactCount++;
      this.exactScore[c] = r.score;
      this.exactMeets[c] = r.meets ? 1 : 0;
      this.exactStamp[c] = rankBase;
    };
    const ranked = (c: number): RankedCandidate => ({
      candidateId: this.idOf[c] as string,
      score: this.exactScore[c],
      meetsMandatory: this.exactMeets[c] === 1,
    });

    // S = touched, active, ≥ minScore, after the cursor; keep a min-heap of the k1 largest lower bounds
    const sOrd = this.sOrd;
    const sHi = this.sHi;
    let nS = 0;
    let touchedActive = 0;
    let touchedPassing = 0;
    const heap = new Float64Array(k1);
    let heapSize = 0;

    // a long touched list is visited in ordinal order instead (sequential memory access)
    const sequential = list === this.touched && nList > this.nOrd >> 2;
    const count = sequential ? this.nOrd : nList;
    for (let t = 0; t < count; t++) {
      const c = sequential ? t : list[t];
      if (flags[c] !== ACTIVE) continue;
      if (sequential && st[c * REC] < rankBase) continue;
      touchedActive++;
      const o = c * REC;
      const s = st[o + 2] * invW;
      let lo = s - delta;
      let hi = s + delta;
      if (!allMeet) {
        const counts = st[o + 3];
        const maybe = Math.floor(counts / MAYBE);
        const sure = counts - maybe * MAYBE;
        if (sure === sureAll) lo += 2;
        if (maybe * MAYBE === maybeAll) hi += 2;
      } else {
        lo += 2;
        hi += 2;
      }
      if (minScore !== null) {
        if (s + delta < minScore) continue;
        if (s - delta < minScore) {
          exact(c);
          if (!(this.exactScore[c] >= minScore)) continue;
        }
      }
      touchedPassing++;
      if (cursor !== null) {
        if (lo > cursorKey + delta) continue; // surely before the cursor
        if (hi >= cursorKey - delta) {
          exact(c);
          if (!(compareRanked(ranked(c), cursor) > 0)) continue;
        }
      }
      if (this.exactStamp[c] === rankBase) lo = hi = this.exactScore[c] + (this.exactMeets[c] === 1 ? 2 : 0);
      if (heapSize === k1 && hi < heap[0]) continue; // k1 candidates are surely better
      sOrd[nS] = c;
      sHi[nS] = hi;
      nS++;
      if (heapSize < k1 || lo > heap[0]) heapSize = heapPush(heap, heapSize, k1, lo);
    }
    const theta = heapSize < k1 ? -Infinity : heap[0];

    const untouchedActive = this.activeCount - touchedActive;
    const totalCount = minScore === null ? this.activeCount : touchedPassing + (0 >= minScore ? untouchedActive : 0);

    const pool: RankedCandidate[] = [];
    for (let i = 0; i < nS; i++) {
      if (sHi[i] >= theta) {
        const c = sOrd[i];
        exact(c);
        pool.push(ranked(c));
      }
    }
    // candidates untouched by the job: score 0, meetsMandatory = allMeet, in id order
    const untouchedKey = allMeet ? 2 : 0;
    if (untouchedActive > 0 && untouchedKey >= theta && (minScore === null || 0 >= minScore)) {
      for (const id of this.untouchedAfter(cursor, allMeet, k1, rankBase)) pool.push({ candidateId: id, score: 0, meetsMandatory: allMeet });
    }
    pool.sort(compareRanked);
    return { items: pool.slice(0, options.first), totalCount, hasNextPage: pool.length > options.first };
  }

  /** Up to `limit` active candidates not touched by the current rank, after the cursor, in id order. */
  private untouchedAfter(cursor: RankedCandidate | null, allMeet: boolean, limit: number, rankBase: number): string[] {
    const probe: RankedCandidate = { candidateId: '', score: 0, meetsMandatory: allMeet };
    let startId: string | null = null;
    if (cursor !== null) {
      const cmpKey = compareRanked(probe, { ...cursor, candidateId: '' });
      if (cmpKey < 0) return []; // the untouched key is before the cursor
      if (cmpKey === 0) startId = cursor.candidateId; // same key: ids after the cursor's
    }
    this.mergeSorted();
    const sorted = this.sorted;
    let i = 0;
    if (startId !== null) {
      let lo = 0;
      let hi = sorted.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((this.idOf[sorted[mid]] as string) <= startId) lo = mid + 1;
        else hi = mid;
      }
      i = lo;
    }
    const out: string[] = [];
    for (; i < sorted.length && out.length < limit; i++) {
      const c = sorted[i];
      if (this.flags[c] === ACTIVE && this.st[c * REC] < rankBase && !(this.msI[c << 2] >= this.msFrom)) out.push(this.idOf[c] as string);
    }
    return out;
  }

  /** Builds the per-rank chains list → requirements served (see relStamp), once per rank. */
  private buildRel(compiled: readonly CompiledSim[], asOfMs: number, rankBase: number): void {
    if (this.relBase === rankBase) return;
    this.relBase = rankBase;
    const nLists = this.lists.length;
    if (this.relHead.length < nLists) {
      this.relHead = new Int32Array(Math.max(nLists, 2 * this.relHead.length));
      this.relStamp = new Float64Array(this.relHead.length);
      this.relFast = new Uint8Array(this.relHead.length);
    }
    let entries = 0;
    for (const cs of compiled) entries += cs.lists.length;
    if (this.relNext.length < entries) {
      const cap = Math.max(entries, 2 * this.relNext.length);
      this.relNext = new Int32Array(cap);
      this.relReq = new Int32Array(cap);
      this.relSim = new Float64Array(cap);
      this.relG = new Float64Array(cap);
    }
    const { relHead, relStamp, relFast, relNext, relReq, relSim, relG } = this;
    let n = 0;
    for (let r = 0; r < compiled.length; r++) {
      const cs = compiled[r];
      for (let j = 0; j < cs.lists.length; j++) {
        const lo = cs.lists[j];
        const l = this.lists[lo];
        if (l.len === 0) continue;
        if (relStamp[lo] !== rankBase) {
          relStamp[lo] = rankBase;
          relHead[lo] = -1;
          // every posting counts, at la × factor: no date, expiry or range check per posting
          relFast[lo] = l.factor === l.factor && l.extreme === 0 && l.ex === null && l.maxEv <= asOfMs ? 1 : 0;
        }
        relNext[n] = relHead[lo];
        relReq[n] = r;
        relSim[n] = cs.sims[j];
        relG[n] = cs.sims[j] * l.factor;
        relHead[lo] = n++;
      }
    }
  }

  /**
   * The engine's arithmetic for one candidate, from the stored postings: per requirement the best
   * evidenceCoverage(sim, strengthAt, level) over its postings (each posting's strength computed once,
   * for every requirement its list serves), then weightedScore.
   */
  private exactEval(o: number, reqs: readonly Requirement[], compiled: readonly CompiledSim[], asOfMs: number, rankBase: number): { score: number; meets: boolean } {
    this.buildRel(compiled, asOfMs, rankBase);
    const { relHead, relStamp, relNext, relReq, relSim } = this;
    const start = this.poolStart[o];
    const end = start + this.poolCount[o];
    const best = new Float64Array(reqs.length);
    for (let p = start; p < end; p++) {
      const lo = this.pool[p];
      if (relStamp[lo] !== rankBase) continue;
      const strength = this.exactStrength(this.lists[lo], this.poolIdx[p], asOfMs);
      for (let e = relHead[lo]; e >= 0; e = relNext[e]) {
        const r = relReq[e];
        const cov = evidenceCoverage(relSim[e], strength, reqs[r].level);
        if (cov > best[r]) best[r] = cov;
      }
    }
    const covs = best;
    let meets = true;
    for (let ri = 0; ri < reqs.length; ri++) {
      if (reqs[ri].mandatory && !(covs[ri] >= this.config.mandatoryThreshold)) meets = false;
    }
    return { score: weightedScore(reqs, covs), meets };
  }

  /** The upper bounds of a requirement's lists at asOf and their order (builds missing impact orders). */
  private listBounds(cs: CompiledSim, asOfMs: number): ListBounds {
    const n = cs.lists.length;
    const value = new Float64Array(n);
    const idx: number[] = [];
    for (let j = 0; j < n; j++) {
      const l = this.lists[cs.lists[j]];
      if (l.len === 0) continue;
      this.impactOrder(l);
      // la × factor approximates the strength at asOf (relative error ≪ DELTA); NaN: exact path, no bound
      value[j] = l.factor === l.factor && l.extreme === 0 ? cs.sims[j] * l.maxLa * l.factor : Infinity;
      idx.push(j);
    }
    return { asOfMs, version: this.version, value, nonEmpty: Int32Array.from(idx), byLevel: new Map() };
  }

  private exactStrength(l: PostingList, i: number, asOfMs: number): number {
    const code = l.code[i];
    return strengthAt(code >> 3, this.conf[code & 7], l.ev[i], l.ex === null ? Infinity : l.ex[i], asOfMs, l.hl);
  }

  // ------------------------------------------------------------------ internals

  private compile(map: ReadonlyMap<string, SimilarityEntry>): CompiledSim {
    const cached = this.compiled.get(map);
    if (cached !== undefined && cached.skillCount === this.lists.length) return cached;
    const lists: number[] = [];
    const sims: number[] = [];
    for (const [skillId, e] of map) {
      const s = this.skillOrd.get(skillId);
      if (s === undefined || !(e.sim > 0)) continue;
      lists.push(2 * s, 2 * s + 1);
      sims.push(e.sim, e.sim);
    }
    const c: CompiledSim = { lists: Int32Array.from(lists), sims: Float64Array.from(sims), skillCount: this.lists.length };
    this.compiled.set(map, c);
    for (const l of lists) this.refreshList(this.lists[l]);
    return c;
  }

  /**
   * Re-reads the half-life of a list's skill and recomputes its la values if it changed.
   * Called when a similarity map is compiled (the maps of `SimilarityIndex` are replaced on every
   * taxonomy change) and by `refreshHalfLives`.
   */
  private refreshList(l: PostingList): void {
    if (l.len === 0) return;
    const hl = this.halfLife(l.skillId);
    if (hl === l.hl) return;
    this.version++;
    l.hl = hl;
    l.extreme = 0;
    l.maxLa = 0;
    l.stamp = -1;
    dropImpactOrder(l);
    for (let i = 0; i < l.len; i++) {
      const code = l.code[i];
      l.la[i] = this.laOf((code >> 3) * this.conf[code & 7], l.ev[i], hl, l);
    }
    this.syncPoolLa(l);
  }

  /** Copies a list's la values to their candidates' pool entries (after they were recomputed). */
  private syncPoolLa(l: PostingList): void {
    for (let i = 0; i < l.len; i++) {
      const c = l.cand[i];
      const end = this.poolStart[c] + this.poolCount[c];
      let p = this.poolStart[c];
      while (p < end && !(this.pool[p] === l.ord && this.poolIdx[p] === i)) p++;
      if (p === end) throw new Error(`MatchIndex: posting ${i} of list ${l.ord} is not in the pool of ordinal ${c}`);
      this.poolLa[p] = l.la[i];
    }
  }

  /** (Re)builds the impact order of a list when it has none or its unsorted tail exceeds len / 8. */
  private impactOrder(l: PostingList): void {
    const n = l.len;
    if (n < this.impactOrderMin || l.extreme !== 0 || !(l.hl === l.hl)) return;
    if (l.perm !== null && n - l.permLen <= n >> 3) return;
    const la = l.la;
    const perm = new Int32Array(n);
    for (let i = 0; i < n; i++) perm[i] = i;
    perm.sort((a, b) => la[b] - la[a] || a - b);
    l.perm = perm;
    l.permLen = n;
    const quant = new Float64Array(QUANTILES + 1);
    for (let t = 0; t <= QUANTILES; t++) quant[t] = la[perm[Math.floor((t * (n - 1)) / QUANTILES)]];
    l.quant = quant;
    const hot = Math.min(n, Math.ceil(n * HOT_SHARE));
    l.hotCand = new Int32Array(hot);
    l.hotLa = new Float64Array(hot);
    for (let k = 0; k < hot; k++) {
      l.hotCand[k] = l.cand[perm[k]];
      l.hotLa[k] = la[perm[k]];
    }
    const ex = l.ex;
    l.hotEx = ex === null ? NO_HOT : Float64Array.from(l.hotCand, (_, k) => ex[perm[k]]);
    l.hotLen = hot;
  }

  /** The per-rank decay factor of a list: 2^(−(asOf − epoch) / hl months), NaN when out of range. */
  private prepareList(l: PostingList, asOfMs: number, stamp: number): void {
    if (l.stamp === stamp) return;
    l.stamp = stamp;
    if (l.len === 0) return;
    if (l.hl !== l.hl) this.refreshList(l);
    if (l.factorAsOf === asOfMs && l.factorHl === l.hl) return;
    const y = -(asOfMs - this.epochMs) / (MS_PER_MONTH * l.hl);
    l.factor = Math.abs(y) > MAX_EXP ? NaN : Math.pow(2, y);
    l.factorAsOf = asOfMs;
    l.factorHl = l.hl;
  }

  private laOf(lc: number, evMs: number, hl: number, l: PostingList): number {
    const x = (evMs - this.epochMs) / (MS_PER_MONTH * hl);
    if (!(Math.abs(x) <= MAX_EXP)) {
      l.extreme++;
      return NaN;
    }
    const v = lc * Math.pow(2, x);
    if (v > l.maxLa) l.maxLa = v;
    return v;
  }

  /** Appends a posting; returns true when the la values of the list's earlier postings were (re)computed too. */
  private append(l: PostingList, o: number, e: EvidenceItem, code: number, lc: number): boolean {
    this.version++;
    if (l.len === l.cand.length) resizeList(l, Math.max(8, Math.ceil(l.len * 1.5)));
    const i = l.len++;
    const evMs = e.evidencedAt.getTime();
    l.cand[i] = o;
    l.ev[i] = evMs;
    if (l.ex !== null) l.ex[i] = expiryMs(e.expiresAt);
    l.code[i] = code;
    if (evMs > l.maxEv) l.maxEv = evMs;
    let recomputed = false;
    if (l.hl !== l.hl) {
      try {
        l.hl = this.halfLife(l.skillId);
      } catch {
        l.hl = NaN; // resolved at the first rank that uses the skill
      }
      if (l.hl === l.hl) l.maxLa = 0;
      dropImpactOrder(l);
      if (l.hl === l.hl) for (let j = 0; j < i; j++) l.la[j] = this.laOf((l.code[j] >> 3) * this.conf[l.code[j] & 7], l.ev[j], l.hl, l);
      recomputed = i > 0 && l.hl === l.hl;
    }
    l.la[i] = l.hl === l.hl ? this.laOf(lc, evMs, l.hl, l) : NaN;
    this.postingCount++;
    return recomputed;
  }

  private skillOrdinal(skillId: string): number {
    let s = this.skillOrd.get(skillId);
    if (s === undefined) {
      s = this.lists.length >> 1;
      this.skillOrd.set(skillId, s);
      this.lists.push(newList(skillId, 2 * s, false), newList(skillId, 2 * s + 1, true));
    }
    return s;
  }

  private kill(o: number): void {
    const wasActive = this.flags[o] === ACTIVE;
    this.flags[o] = 0;
    this.live--;
    if (wasActive) this.activeCount--;
    this.deadOrds++;
    // idOf[o] is kept until the next renumbering: the id-sorted list may still hold o
    const start = this.poolStart[o];
    const end = start + this.poolCount[o];
    for (let p = start; p < end; p++) {
      const l = this.lists[this.pool[p]];
      l.dead++;
      this.deadPostings++;
      if (p + 1 < end && this.pool[p + 1] === this.pool[p]) continue;
      if (l.dead > Math.max(this.minDeadPerList, l.len >> 2)) this.compactList(l, null, false);
    }
  }

  /** Drops tombstones of a list; with `remap`, also renumbers candidate ordinals. */
  private compactList(l: PostingList, remap: Int32Array | null, trim: boolean): void {
    this.version++;
    let w = 0;
    let extreme = 0;
    let maxEv = -Infinity;
    let maxLa = 0;
    const ex = l.ex;
    for (let i = 0; i < l.len; i++) {
      const c = l.cand[i];
      if ((this.flags[c] & ALIVE) === 0) continue;
      if (w !== i) this.movePosting(c, l.ord, i, w);
      l.cand[w] = remap === null ? c : remap[c];
      l.ev[w] = l.ev[i];
      if (ex !== null) ex[w] = ex[i];
      l.la[w] = l.la[i];
      l.code[w] = l.code[i];
      if (!(l.la[w] === l.la[w]) && l.hl === l.hl) extreme++;
      if (l.ev[w] > maxEv) maxEv = l.ev[w];
      if (l.la[w] > maxLa) maxLa = l.la[w];
      w++;
    }
    this.deadPostings -= l.len - w;
    this.postingCount -= l.len - w;
    l.len = w;
    l.dead = 0;
    dropImpactOrder(l);
    l.extreme = extreme;
    l.maxEv = maxEv;
    l.maxLa = maxLa;
    if (trim && l.cand.length !== w) resizeList(l, w);
  }

  /** Candidate c's pool entry for the posting at index `from` of list `lo` now points at `to`. */
  private movePosting(c: number, lo: number, from: number, to: number): void {
    const end = this.poolStart[c] + this.poolCount[c];
    for (let p = this.poolStart[c]; p < end; p++) {
      if (this.pool[p] === lo && this.poolIdx[p] === from) {
        this.poolIdx[p] = to;
        return;
      }
    }
    throw new Error(`MatchIndex: posting ${from} of list ${lo} is not in the pool of ordinal ${c}`);
  }

  private maybeCompactOrdinals(): void {
    if (this.deadOrds > this.minDeadOrdinals && this.deadOrds > this.live) this.renumber(false);
  }

  private renumber(trim: boolean): void {
    this.mergeSorted();
    const remap = new Int32Array(this.nOrd).fill(-1);
    let n = 0;
    for (let o = 0; o < this.nOrd; o++) if ((this.flags[o] & ALIVE) !== 0) remap[o] = n++;
    for (const l of this.lists) this.compactList(l, remap, trim);
    const flags = new Uint8Array(n);
    const idOf: (string | undefined)[] = new Array<string | undefined>(n);
    const poolStart = new Int32Array(n);
    const poolCount = new Int32Array(n);
    let poolSize = 0;
    for (let o = 0; o < this.nOrd; o++) if (remap[o] >= 0) poolSize += this.poolCount[o];
    const pool = new Int32Array(Math.max(16, poolSize));
    const poolIdx = new Int32Array(pool.length);
    const poolLa = new Float32Array(pool.length);
    let pl = 0;
    for (let o = 0; o < this.nOrd; o++) {
      const m = remap[o];
      if (m < 0) continue;
      flags[m] = this.flags[o];
      const id = this.idOf[o] as string;
      idOf[m] = id;
      this.ordOf.set(id, m);
      poolStart[m] = pl;
      poolCount[m] = this.poolCount[o];
      pool.set(this.pool.subarray(this.poolStart[o], this.poolStart[o] + this.poolCount[o]), pl);
      poolIdx.set(this.poolIdx.subarray(this.poolStart[o], this.poolStart[o] + this.poolCount[o]), pl);
      poolLa.set(this.poolLa.subarray(this.poolStart[o], this.poolStart[o] + this.poolCount[o]), pl);
      pl += this.poolCount[o];
    }
    const sorted: number[] = [];
    for (const o of this.sorted) if (remap[o] >= 0) sorted.push(remap[o]);
    this.sorted = Int32Array.from(sorted);
    this.flags = flags;
    this.poolStart = poolStart;
    this.poolCount = poolCount;
    this.nOrd = n;
    this.deadOrds = 0;
    this.deadPostings = 0;
    this.allocOrdArrays(trim ? Math.max(16, n) : Math.max(1024, Math.ceil(n * 1.25)));
    this.idOf = idOf;
    this.pool = pool;
    this.poolIdx = poolIdx;
    this.poolLa = poolLa;
    this.poolLen = pl;
  }

  /** Merges pending ordinals into the id-sorted list (dropping dead ones). */
  private mergeSorted(): void {
    const alive = (o: number): boolean => (this.flags[o] & ALIVE) !== 0;
    if (this.pending.length === 0) return;
    const ids = this.idOf;
    const pend = this.pending.filter(alive).sort((a, b) => ((ids[a] as string) < (ids[b] as string) ? -1 : 1));
    const out = new Int32Array(this.sorted.length + pend.length);
    let n = 0;
    let j = 0;
    for (let i = 0; i < this.sorted.length; i++) {
      const o = this.sorted[i];
      if (!alive(o)) continue;
      const id = ids[o] as string;
      while (j < pend.length && (ids[pend[j]] as string) < id) out[n++] = pend[j++];
      out[n++] = o;
    }
    while (j < pend.length) out[n++] = pend[j++];
    this.sorted = out.slice(0, n);
    this.pending = [];
  }

  private ensurePool(size: number): void {
    if (size <= this.pool.length) return;
    const cap = Math.max(size, Math.ceil(this.pool.length * 1.5));
    const p = new Int32Array(cap);
    p.set(this.pool.subarray(0, this.poolLen));
    this.pool = p;
    const q = new Int32Array(cap);
    q.set(this.poolIdx.subarray(0, this.poolLen));
    this.poolIdx = q;
    const f = new Float32Array(cap);
    f.set(this.poolLa.subarray(0, this.poolLen));
    this.poolLa = f;
  }

  private ensureOrdCapacity(n: number): void {
    if (n <= this.flags.length) return;
    this.allocOrdArrays(Math.max(n, Math.ceil(this.flags.length * 1.5)));
  }

  /** (Re)allocates the per-ordinal arrays with `cap` slots, keeping flags and pool slices of ordinals < nOrd. */
  private allocOrdArrays(cap: number): void {
    const keep = Math.min(this.nOrd, this.flags.length, cap);
    const flags = new Uint8Array(cap);
    flags.set(this.flags.subarray(0, keep));
    const poolStart = new Int32Array(cap);
    poolStart.set(this.poolStart.subarray(0, keep));
    const poolCount = new Int32Array(cap);
    poolCount.set(this.poolCount.subarray(0, keep));
    this.flags = flags;
    this.poolStart = poolStart;
    this.poolCount = poolCount;
    this.st = new Float64Array(cap * REC);
    const ms = new ArrayBuffer(cap * 16);
    this.msI = new Int32Array(ms);
    this.msF = new Float32Array(ms);
    this.msMand = new Uint16Array(cap);
    this.exactStamp = new Float64Array(cap);
    this.exactScore = new Float64Array(cap);
    this.exactMeets = new Uint8Array(cap);
    this.touched = new Int32Array(cap);
    this.gateBuf = new Int32Array(cap);
    this.sOrd = new Int32Array(cap);
    this.sHi = new Float64Array(cap);
    this.alive = new Uint8Array(cap);
    this.allOnes = new Uint8Array(cap).fill(1);
    this.survivors = new Int32Array(cap);
  }
}
