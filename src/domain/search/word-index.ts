import { EditDistance } from './edit-distance';
import { FUNCTION_WORDS } from './stop-words';
import { TrigramIndex } from './trigram-index';

export interface WordCandidate {
  readonly keyId: number;
  /** Weighted Jaccard of the query words and the key words, in (0, 1]. */
  readonly rank: number;
}

/** Trigram Dice floor and pool size of the second typo-candidate source (two typos in one word). */
const WORD_MIN_DICE = 0.3;
const TRIGRAM_POOL = 16;
/** At most this many vocabulary words per query word, by similarity. */
const WORDS_PER_QUERY_WORD = 8;
/** A misspelt word must keep this similarity, 1 − OSA distance / longer length (1 typo in 3 letters). */
const WORD_MIN_SIMILARITY = 0.6;
/** For a query word found in the vocabulary: neighbours kept (≥ 0.8: "manages" for "manage"). */
const KNOWN_WORD_MIN_SIMILARITY = 0.8;
const KNOWN_WORD_NEIGHBOURS = 3;
/** Words shorter than this are only matched exactly. */
const MIN_FUZZY_WORD_LENGTH = 3;
/** Keys whose summed weight is below this fraction of the best one are not ranked. */
const PRUNE_FRACTION = 0.3;

/**
 * Word-level candidate generator for fuzzy search. Each key (normalised label) is a bag of
 * vocabulary words; a query word matches its own vocabulary word (weight 1) and, if it has ≥ 3
 * characters, up to 8 misspelt vocabulary words (weight = 1 − OSA distance / length ≥ 0.6), or
 * only 3 of similarity ≥ 0.8 when the query word is itself in the vocabulary.
 * Misspellings are found over the ~20k distinct words, not the ~100k long labels, from two sources:
 * a one-deletion neighbourhood (SymSpell: every word is indexed under its one-character deletions,
 * which catches one insertion, deletion, substitution or adjacent transposition) and a trigram
 * index (catches two typos in a longer word).
 *
 * Keys are ranked by an IDF-weighted Jaccard: s / (queryMass + keyMass − s), where s sums, per
 * query word, the best idf × weight among the key's words. Function words of the query are
 * ignored (unless the query has nothing else). Add-only, like `LabelRegistry`.
 */
export class WordIndex {
  private readonly wordIds = new Map<string, number>();
  private readonly words: string[] = [];
  private readonly postings: number[][] = [];
  private readonly keys: string[] = [];
  /** Distinct word ids of every key, flat: key k owns keyWordIds[keyWordOffsets[k] .. keyWordOffsets[k + 1]). */
  private readonly keyWordIds: number[] = [];
  private readonly keyWordOffsets: number[] = [0];
  private readonly wordTrigrams = new TrigramIndex();
  private readonly deletions = new Map<string, number | number[]>();
  private scratchTotal = new Float64Array(1024);
  private scratchToken = new Float64Array(1024);

  /** Index the words of `key` (space separated, `words` if already split) under the next key id. */
  add(keyId: number, key: string, words: readonly string[] = key.split(' ')): void {
    const ids: number[] = [];
    for (const word of words) {
      if (word.length === 0) continue;
      let id = this.wordIds.get(word);
      if (id === undefined) {
        id = this.postings.length;
        this.wordIds.set(word, id);
        this.words.push(word);
        this.postings.push([]);
        this.wordTrigrams.add(id, word);
        if (word.length >= MIN_FUZZY_WORD_LENGTH) {
          for (const variant of EditDistance.deletions(word)) this.addDeletion(variant, id);
        }
      }
      if (!ids.includes(id)) {
        ids.push(id);
        this.postings[id].push(keyId);
      }
    }
    if (keyId !== this.keys.length) throw new Error(`WordIndex: key ids must be consecutive (got ${keyId}, expected ${this.keys.length})`);
    this.keys.push(key);
    for (const id of ids) this.keyWordIds.push(id);
    this.keyWordOffsets.push(this.keyWordIds.length);
    if (keyId >= this.scratchTotal.length) {
      let capacity = this.scratchTotal.length;
      while (capacity <= keyId) capacity *= 2;
      this.scratchTotal = new Float64Array(capacity);
      this.scratchToken = new Float64Array(capacity);
    }
  }

  get wordCount(): number {
    return this.postings.length;
  }

  /** Up to `limit` keys sharing (possibly misspelt) words with the query, best first. */
  candidates(queryWords: readonly string[], limit: number, isActive: (keyId: number) => boolean): WordCandidate[] {
    const keyCount = this.keys.length;
    if (keyCount === 0) return [];
    const content = queryWords.filter((w) => !FUNCTION_WORDS.has(w));
    const words = content.length > 0 ? content : queryWords;
    const total = this.scratchTotal;
    const perToken = this.scratchToken;
    const touched: number[] = [];
    let queryMass = 0;
    for (const word of new Set(words)) {
      const matches = this.matchWord(word);
      if (matches.length === 0) {
        queryMass += Math.log(1 + keyCount); // an unknown word weighs like the rarest one
        continue;
      }
      let tokenMax = 0;
      const tokenTouched: number[] = [];
      for (const { wordId, weight } of matches) {
        const list = this.postings[wordId];
        const value = this.idf(wordId, keyCount) * weight;
        if (value > tokenMax) tokenMax = value;
        for (let i = 0; i < list.length; i += 1) {
          const keyId = list[i];
          if (perToken[keyId] === 0) tokenTouched.push(keyId);
          if (value > perToken[keyId]) perToken[keyId] = value;
        }
      }
      queryMass += tokenMax;
      for (const keyId of tokenTouched) {
        if (total[keyId] === 0) touched.push(keyId);
        total[keyId] += perToken[keyId];
        perToken[keyId] = 0;
      }
    }
    let best = 0;
    for (const keyId of touched) if (total[keyId] > best) best = total[keyId];
    // Top `limit` by rank (then smaller key id), kept sorted by insertion: no full sort.
    const top: WordCandidate[] = [];
    for (const keyId of touched) {
      const s = total[keyId];
      total[keyId] = 0;
      if (s < best * PRUNE_FRACTION || !isActive(keyId)) continue;
      const rank = s / (queryMass + this.keyMass(keyId, keyCount) - s);
      if (top.length === limit) {
        const last = top[limit - 1];
        if (rank < last.rank || (rank === last.rank && keyId > last.keyId)) continue;
        top.pop();
      }
      let at = top.length;
      while (at > 0 && (top[at - 1].rank < rank || (top[at - 1].rank === rank && top[at - 1].keyId > keyId))) at -= 1;
      top.splice(at, 0, { keyId, rank });
    }
    return top;
  }

  private matchWord(word: string): Array<{ wordId: number; weight: number }> {
    const exact = this.wordIds.get(word);
    if (word.length < MIN_FUZZY_WORD_LENGTH) return exact === undefined ? [] : [{ wordId: exact, weight: 1 }];
    const pool = new Set<number>();
    const lookup = (variant: string): void => {
      const ids = this.deletions.get(variant);
      if (ids === undefined) return;
      if (typeof ids === 'number') pool.add(ids);
      else for (const id of ids) pool.add(id);
    };
    lookup(word); // the query lacks one character of the word
    for (const variant of EditDistance.deletions(word)) {
      lookup(variant); // substitution or transposition
      const id = this.wordIds.get(variant); // the query has one extra character
      if (id !== undefined) pool.add(id);
    }
    if (exact === undefined) {
      for (const c of this.wordTrigrams.candidates(word, TRIGRAM_POOL, WORD_MIN_DICE, () => true)) pool.add(c.id);
    }
    if (exact !== undefined) pool.delete(exact);
    // A word of the vocabulary is probably spelt right: only its close inflections join it.
    const minSimilarity = exact === undefined ? WORD_MIN_SIMILARITY : KNOWN_WORD_MIN_SIMILARITY;
    const maxMatches = exact === undefined ? WORDS_PER_QUERY_WORD : KNOWN_WORD_NEIGHBOURS;
    const matches: Array<{ wordId: number; weight: number }> = [];
    for (const id of pool) {
      const other = this.words[id];
      const longer = Math.max(word.length, other.length);
      const maxEdits = Math.floor(longer * (1 - minSimilarity) + 1e-9);
      const distance = EditDistance.osa(word, other, maxEdits);
      if (distance <= maxEdits) matches.push({ wordId: id, weight: 1 - distance / longer });
    }
    matches.sort((a, b) => b.weight - a.weight || a.wordId - b.wordId);
    if (matches.length > maxMatches) matches.length = maxMatches;
    if (exact !== undefined) matches.unshift({ wordId: exact, weight: 1 });
    return matches;
  }

  private addDeletion(variant: string, id: number): void {
    const current = this.deletions.get(variant);
    if (current === undefined) this.deletions.set(variant, id);
    else if (typeof current === 'number') {
      if (current !== id) this.deletions.set(variant, [current, id]);
    } else if (current[current.length - 1] !== id) current.push(id);
  }

  /** Σ idf of the key's distinct words. */
  private keyMass(keyId: number, keyCount: number): number {
    let mass = 0;
    for (let i = this.keyWordOffsets[keyId]; i < this.keyWordOffsets[keyId + 1]; i += 1) mass += this.idf(this.keyWordIds[i], keyCount);
    return mass;
  }

  private idf(wordId: number, keyCount: number): number {
    return Math.log(1 + keyCount / this.postings[wordId].length);
  }
}
