import { TextNormaliser } from './text-normaliser';
import { WordIndex } from './word-index';

/** One skill label behind a normalised key. */
export interface LabelRef {
  readonly skillId: string;
  /** The name or alias as stored (original casing). */
  readonly label: string;
  readonly isName: boolean;
}

/** A distinct normalised key and the labels (possibly of several skills) that produce it. */
export interface KeyEntry {
  readonly id: number;
  readonly key: string;
  readonly tokenCount: number;
  refs: LabelRef[];
  /** `TextNormaliser.looseKey(key)`, computed on first use by fuzzy search. */
  loose?: string;
}

/** Labels of more tokens are not indexed without spaces: nobody types "managemusicalstaff". */
const MAX_COMPACT_TOKENS = 3;

/** Longest phrase (in tokens) considered by extraction; longer labels are not phrases anyone writes. */
const MAX_PHRASE_TOKENS = 32;

/**
 * The deduplicated set of normalised keys (names, aliases and their punctuation variants) with
 * the lookups `searchSkills` needs, none of them a scan of the whole list:
 *  - exact: Map key → entry;
 *  - loose: Map looseKey (folded, sorted tokens) → entries, Map compactKey (no spaces/dots) → entries;
 *  - prefix: keys sorted by code unit, binary search for the range starting with the query;
 *  - fuzzy: word index (exact or misspelt words, IDF-weighted) to pick candidates for Fuse;
 *  - extraction: Map foldKey (every token singular-folded) → entries, and per first folded token
 *    the longest phrase starting with it (bounds the n-gram scan).
 * Keys are never deleted: a key whose refs are all removed is inactive and skipped, and is
 * revived if a label produces it again, so the add-only structures stay consistent.
 */
export class LabelRegistry {
  readonly words = new WordIndex();
  private readonly entries: KeyEntry[] = [];
  private readonly byKey = new Map<string, KeyEntry>();
  private readonly byLoose = new Map<string, number | number[]>();
  private readonly byCompact = new Map<string, number | number[]>();
  private readonly byFolded = new Map<string, number | number[]>();
  private readonly longestByFirstToken = new Map<string, number>();
  private sortedIds: number[] = [];
  private readonly pendingIds: number[] = [];

  get keyCount(): number {
    return this.entries.length;
  }

  get(key: string): KeyEntry | undefined {
    return this.byKey.get(key);
  }

  entry(id: number): KeyEntry {
    return this.entries[id];
  }

  isActive(id: number): boolean {
    return this.entries[id].refs.length > 0;
  }

  /** Attach `ref` to `key` (once per skill and label text). */
  addRef(key: string, ref: LabelRef): KeyEntry {
    let entry = this.byKey.get(key);
    if (entry === undefined) entry = this.createEntry(key);
    const index = entry.refs.findIndex((r) => r.skillId === ref.skillId && r.label === ref.label);
    if (index < 0) entry.refs.push(ref);
    else if (ref.isName && !entry.refs[index].isName) entry.refs[index] = ref;
    return entry;
  }

  /** Active entries whose folded key is `foldedKey`. */
  foldedMatches(foldedKey: string): KeyEntry[] | undefined {
    const ids = this.byFolded.get(foldedKey);
    if (ids === undefined) return undefined;
    const out: KeyEntry[] = [];
    for (const id of typeof ids === 'number' ? [ids] : ids) if (this.isActive(id)) out.push(this.entries[id]);
    return out.length > 0 ? out : undefined;
  }

  /** Token count of the longest phrase whose first folded token is `foldedToken` (0 if none). */
  longestPhraseFrom(foldedToken: string): number {
    return this.longestByFirstToken.get(foldedToken) ?? 0;
  }

  removeRefs(entry: KeyEntry, skillId: string): void {
    entry.refs = entry.refs.filter((r) => r.skillId !== skillId);
  }

  /**
   * Active entries whose loose key (folded, sorted tokens) or compact key (no spaces or dots)
   * equals the query's. Only keys of ≤ 3 tokens that differ from their compact form are in
   * `byCompact`; the others are found by looking the compact query up as an exact key.
   */
  looseMatches(key: string): KeyEntry[] {
    const compact = TextNormaliser.compactKey(key);
    const exactCompact = this.byKey.get(compact);
    const ids = new Set<number>([
      ...LabelRegistry.ids(this.byLoose, TextNormaliser.looseKey(key)),
      ...LabelRegistry.ids(this.byCompact, compact),
      ...(exactCompact === undefined ? [] : [exactCompact.id]),
    ]);
    return [...ids].filter((id) => this.isActive(id)).map((id) => this.entries[id]);
  }

  /** Calls `visit` for every active entry whose key starts with `prefix` (excluding the key itself). */
  forEachPrefixed(prefix: string, visit: (entry: KeyEntry) => void): void {
    this.flushPending();
    const ids = this.sortedIds;
    let lo = 0;
    let hi = ids.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.entries[ids[mid]].key < prefix) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < ids.length; i += 1) {
      const entry = this.entries[ids[i]];
      if (!entry.key.startsWith(prefix)) break;
      if (entry.key.length > prefix.length && entry.refs.length > 0) visit(entry);
    }
  }

  private createEntry(key: string): KeyEntry {
    const id = this.entries.length;
    const words = key.split(' ');
    const folded = words.map(TextNormaliser.fold);
    const entry: KeyEntry = { id, key, tokenCount: words.length, refs: [] };
    this.entries.push(entry);
    this.byKey.set(key, entry);
    const foldedKey = folded.join(' ');
    LabelRegistry.push(this.byLoose, words.length === 1 ? foldedKey : [...folded].sort().join(' '), id);
    const compact = TextNormaliser.compactKey(key);
    if (compact !== key && words.length <= MAX_COMPACT_TOKENS) LabelRegistry.push(this.byCompact, compact, id);
    if (folded.length <= MAX_PHRASE_TOKENS) {
      LabelRegistry.push(this.byFolded, foldedKey, id);
      if (folded.length > (this.longestByFirstToken.get(folded[0]) ?? 0)) this.longestByFirstToken.set(folded[0], folded.length);
    }
    this.words.add(id, key, words);
    this.pendingIds.push(id);
    return entry;
  }

  /** Merge keys created since the last prefix query into the sorted order (call after bulk loads). */
  flushPending(): void {
    if (this.pendingIds.length === 0) return;
    if (this.pendingIds.length > 64) {
      // Native string sort (UTF-16 code units, the order `<` uses) of all keys, then back to ids.
      const keys = this.sortedIds.map((id) => this.entries[id].key);
      for (const id of this.pendingIds) keys.push(this.entries[id].key);
      keys.sort();
      this.sortedIds = keys.map((key) => (this.byKey.get(key) as KeyEntry).id);
    } else {
      for (const id of this.pendingIds) {
        const key = this.entries[id].key;
        let lo = 0;
        let hi = this.sortedIds.length;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (this.entries[this.sortedIds[mid]].key < key) lo = mid + 1;
          else hi = mid;
        }
        this.sortedIds.splice(lo, 0, id);
      }
    }
    this.pendingIds.length = 0;
  }

  /** Multimap with a bare number for the (usual) single id, to spare ~200k small arrays. */
  private static push(map: Map<string, number | number[]>, key: string, id: number): void {
    const current = map.get(key);
    if (current === undefined) map.set(key, id);
    else if (typeof current === 'number') map.set(key, [current, id]);
    else current.push(id);
  }

  private static ids(map: Map<string, number | number[]>, key: string): readonly number[] {
    const current = map.get(key);
    return current === undefined ? [] : typeof current === 'number' ? [current] : current;
  }
}
