import Fuse from 'fuse.js';
import { EditDistance } from './edit-distance';
import { LabelRegistry, type KeyEntry, type LabelRef } from './label-registry';
import { PhraseDictionary } from './phrase-dictionary';
import {
  FUZZY_MIN_QUERY_LENGTH,
  PREFIX_MIN_QUERY_LENGTH,
  RESOLVE_MIN_PREFIX_COVERAGE,
  RESOLVE_MIN_SCORE,
  SEARCH_SCORES,
} from './search-scores';
import type {
  ExtractedSkill,
  IndexedLabel,
  SearchableSkill,
  SearchMatchKind,
  SkillResolution,
  SkillSearchHit,
  TextToken,
} from './search.types';
import { QUERY_FILLER_WORDS } from './stop-words';
import { TextNormaliser } from './text-normaliser';

/** Upper bound of `first`, so a client cannot ask for the whole taxonomy. */
export const MAX_SEARCH_RESULTS = 100;
/** Longer queries are truncated (labels are at most ~150 characters; this bounds fuzzy work). */
export const MAX_QUERY_LENGTH = 200;

/** Candidate keys (from the word index) handed to Fuse per query. */
const FUZZY_CANDIDATES = 32;
/** Fuse's bitap works on 32-character words; longer queries are left to OSA. */
const FUSE_MAX_PATTERN = 32;
/** Whole-key OSA similarity below this is ignored (Fuse alone decides); bounds the OSA band. */
const OSA_MIN_SIMILARITY = 0.7;

/**
 * Fuse options for the candidate set: plain string list, already normalised (so case-sensitive and
 * no diacritics handling), match anywhere (ignoreLocation), no field-length norm (we apply our own
 * length ratio), and a threshold of 0.4 errors per pattern character.
 */
const FUSE_OPTIONS = {
  includeScore: true,
  isCaseSensitive: true,
  ignoreLocation: true,
  ignoreFieldNorm: true,
  threshold: 0.4,
  minMatchCharLength: 2,
  shouldSort: false,
} as const;

interface StoredSkill {
  readonly nameLength: number;
  readonly entries: readonly KeyEntry[];
}

interface Candidate {
  skillId: string;
  score: number;
  label: string;
  isName: boolean;
  kind: SearchMatchKind;
}

/**
 * In-memory search over skill names and aliases: fuzzy search (`searchSkills`), batch
 * normalisation of free-text skills (`resolveSkills`) and dictionary extraction from prose
 * (`extractSkills`). Pure and synchronous; build it once from the catalogue and keep it current
 * with `upsert` / `remove` (both incremental, no rebuild).
 *
 * Search pipeline (score tiers in `SEARCH_SCORES`, one hit per skill, best kept):
 *  1. exact: the query's normalised key and its punctuation variants against a Map of keys;
 *  2. loose: same folded words in any order, same characters ignoring spaces, or an exact/loose
 *     match once filler words are dropped ("communication skills", "knowledge of Python");
 *  3. prefix: binary search in the sorted keys;
 *  4. fuzzy (only when 1–3 found fewer than `first` skills; with and without filler words):
 *     the word index proposes 32 keys sharing (possibly misspelt) rare words with the query, each
 *     scored by the best of
 *       - Fuse, for keys longer than the query (queries ≤ 32 chars): 1 − bitap errors / length,
 *         times the length ratio, so a query found inside a longer label ranks below a whole match;
 *       - OSA similarity 1 − edits / length of the whole key, as written and on folded sorted
 *         tokens (word order); OSA counts a transposition as one typo where bitap counts two.
 *
 * Queries are cut to `MAX_QUERY_LENGTH` characters.
 */
export class SkillSearchIndex {
  private readonly registry = new LabelRegistry();
  private readonly skills = new Map<string, StoredSkill>();
  private readonly dictionary = new PhraseDictionary(this.registry, (id) => this.skills.get(id)?.nameLength ?? Number.MAX_SAFE_INTEGER);

  constructor(skills: Iterable<SearchableSkill> = []) {
    for (const skill of skills) this.upsert(skill);
    this.registry.flushPending(); // sort the keys now rather than on the first prefix query
  }

  /** Number of indexed skills. */
  get size(): number {
    return this.skills.size;
  }

  has(skillId: string): boolean {
    return this.skills.has(skillId);
  }

  /** Adds or replaces a skill (its name and aliases). */
  upsert(skill: SearchableSkill): void {
    if (this.skills.has(skill.id)) this.remove(skill.id);
    const labels = SkillSearchIndex.labelsOf(skill);
    const entries = new Set<KeyEntry>();
    for (const { label, isName, variants } of labels) {
      const ref: LabelRef = { skillId: skill.id, label, isName };
      for (const key of variants) entries.add(this.registry.addRef(key, ref));
    }
    this.skills.set(skill.id, { nameLength: (skill.name ?? '').trim().length, entries: [...entries] });
  }

  /** Removes a skill; returns false when it was not indexed. */
  remove(skillId: string): boolean {
    const stored = this.skills.get(skillId);
    if (stored === undefined) return false;
    for (const entry of stored.entries) this.registry.removeRefs(entry, skillId);
    this.skills.delete(skillId);
    return true;
  }

  /**
   * Up to `first` skills matching `query`, one hit per skill, by score descending then name
   * hits before alias hits, shorter matched text, smaller skill id.
   */
  searchSkills(query: string, first = 10): SkillSearchHit[] {
    const limit = Number.isFinite(first) ? Math.min(Math.max(Math.floor(first), 0), MAX_SEARCH_RESULTS) : 0;
    return this.search(query, limit, 0);
  }

  /**
   * Normalises free-text skills in one call: the best hit of each text, or null when nothing
   * scores at least `RESOLVE_MIN_SCORE`. Prefix completions count only when the text covers at
   * least `RESOLVE_MIN_PREFIX_COVERAGE` of the label ("postgres" → PostgreSQL, not "go" → "goal
   * setting"). Order and length follow `texts`.
   */
  resolveSkills(texts: readonly string[]): SkillResolution[] {
    return texts.map((input) => {
      const [hit] = this.search(input, 1, RESOLVE_MIN_PREFIX_COVERAGE);
      return { input, hit: hit !== undefined && hit.score >= RESOLVE_MIN_SCORE ? hit : null };
    });
  }

  /** Skills mentioned in free text, in order of appearance, one per skill (see `PhraseDictionary`). */
  extractSkills(text: string): ExtractedSkill[] {
    return this.dictionary.scan(text);
  }

  private search(query: string, limit: number, minPrefixCoverage: number): SkillSearchHit[] {
    if (limit === 0) return [];
    const tokens = TextNormaliser.tokenise(query.length > MAX_QUERY_LENGTH ? query.slice(0, MAX_QUERY_LENGTH) : query);
    if (tokens.length === 0) return [];
    const canonical = TextNormaliser.canonicalKey(tokens);
    const best = new Map<string, Candidate>();
    const offer = (entry: KeyEntry, score: number, kind: SearchMatchKind): void => {
      for (const ref of entry.refs) {
        const current = best.get(ref.skillId);
        if (
          current === undefined ||
          score > current.score ||
          (score === current.score && ref.isName && !current.isName) ||
          (score === current.score && ref.isName === current.isName && ref.label.length < current.label.length)
        ) {
          best.set(ref.skillId, { skillId: ref.skillId, score, label: ref.label, isName: ref.isName, kind });
        }
      }
    };

    for (const key of TextNormaliser.keyVariants(tokens)) {
      const entry = this.registry.get(key);
      if (entry !== undefined) offer(entry, SEARCH_SCORES.exact, 'exact');
    }
    for (const entry of this.registry.looseMatches(canonical)) offer(entry, SEARCH_SCORES.loose, 'loose');
    const filtered = tokens.filter((t) => !QUERY_FILLER_WORDS.has(t.norm));
    const content = filtered.length > 0 ? filtered : tokens;
    if (content.length < tokens.length) {
      for (const key of TextNormaliser.keyVariants(content)) {
        const entry = this.registry.get(key);
        if (entry !== undefined) offer(entry, SEARCH_SCORES.loose, 'loose');
      }
      for (const entry of this.registry.looseMatches(TextNormaliser.canonicalKey(content))) offer(entry, SEARCH_SCORES.loose, 'loose');
    }
    if (canonical.length >= PREFIX_MIN_QUERY_LENGTH) {
      this.registry.forEachPrefixed(canonical, (entry) => {
        const coverage = canonical.length / entry.key.length;
        if (coverage >= minPrefixCoverage) offer(entry, SEARCH_SCORES.prefixBase + SEARCH_SCORES.prefixSpan * coverage, 'prefix');
      });
    }
    if (best.size < limit && canonical.length >= FUZZY_MIN_QUERY_LENGTH) {
      this.fuzzy(canonical, tokens, offer);
      const contentKey = TextNormaliser.canonicalKey(content);
      if (content.length < tokens.length && contentKey.length >= FUZZY_MIN_QUERY_LENGTH) this.fuzzy(contentKey, content, offer);
    }

    return [...best.values()]
      .sort(SkillSearchIndex.compare)
      .slice(0, limit)
      .map((c) => ({ skillId: c.skillId, score: SkillSearchIndex.round(c.score), matchedText: c.label, matchKind: c.kind }));
  }

  private fuzzy(
    canonical: string,
    tokens: readonly TextToken[],
    offer: (entry: KeyEntry, score: number, kind: SearchMatchKind) => void,
  ): void {
    const candidates = this.registry.words.candidates(canonical.split(' '), FUZZY_CANDIDATES, (id) => this.registry.isActive(id));
    if (candidates.length === 0) return;
    const entries = candidates.map((c) => this.registry.entry(c.keyId));
    const similarity = new Float64Array(entries.length);
    const keep = (i: number, sim: number): void => {
      if (sim > similarity[i]) similarity[i] = sim;
    };
    const osa = (pattern: string, texts: readonly string[]): void => {
      texts.forEach((text, i) => {
        const longer = Math.max(pattern.length, text.length);
        const maxEdits = Math.floor(longer * (1 - OSA_MIN_SIMILARITY));
        const distance = EditDistance.osa(pattern, text, maxEdits);
        if (distance <= maxEdits) keep(i, 1 - distance / longer);
      });
    };
    const keys = entries.map((e) => e.key);
    // Fuse looks for the query inside longer labels; whole-label similarity is OSA's job below.
    const longer = entries.map((e, i) => i).filter((i) => keys[i].length > canonical.length);
    if (canonical.length <= FUSE_MAX_PATTERN && longer.length > 0) {
      const texts = longer.map((i) => keys[i]);
      for (const result of new Fuse(texts, FUSE_OPTIONS).search(canonical)) {
        const text = texts[result.refIndex];
        keep(longer[result.refIndex], (1 - (result.score ?? 1)) * (canonical.length / text.length));
      }
    }
    osa(canonical, keys);
    if (tokens.length > 1) osa(TextNormaliser.looseKey(canonical), entries.map((e) => (e.loose ??= TextNormaliser.looseKey(e.key))));
    entries.forEach((entry, i) => {
      if (similarity[i] > 0) offer(entry, SEARCH_SCORES.fuzzyCeiling * similarity[i], 'fuzzy');
    });
  }

  private static compare(a: Candidate, b: Candidate): number {
    if (a.score !== b.score) return b.score - a.score;
    if (a.isName !== b.isName) return a.isName ? -1 : 1;
    if (a.label.length !== b.label.length) return a.label.length - b.label.length;
    return a.skillId < b.skillId ? -1 : a.skillId > b.skillId ? 1 : 0;
  }

  private static round(score: number): number {
    return Math.max(0.0001, Math.round(score * 10000) / 10000);
  }

  /** Name first, then aliases; blanks and labels without any token dropped, exact duplicates merged. */
  private static labelsOf(skill: SearchableSkill): IndexedLabel[] {
    const seen = new Set<string>();
    const labels: IndexedLabel[] = [];
    const push = (raw: string, isName: boolean): void => {
      const label = raw.trim();
      if (label.length === 0 || seen.has(label)) return;
      seen.add(label);
      const tokens = TextNormaliser.tokenise(label);
      if (tokens.length > 0) labels.push({ label, isName, tokens, variants: TextNormaliser.keyVariants(tokens) });
    };
    push(skill.name ?? '', true);
    // Defensive against untyped input (JSON) with a missing alias list or non-string entries.
    for (const alias of skill.aliases ?? []) if (typeof alias === 'string') push(alias, false);
    return labels;
  }
}
