import { TextNormaliser } from './text-normaliser';
import { TrigramIndex } from './trigram-index';

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
  /** Folded, sorted tokens: compared for word-order tolerant fuzzy matching. */
  readonly looseKey: string;
  refs: LabelRef[];
}

/**
 * The deduplicated set of normalised keys (names, aliases and their punctuation variants) with
 * the lookups `searchSkills` needs, none of them a scan of the whole list:
 *  - exact: Map key → entry;
 *  - loose: Map looseKey (folded, sorted tokens) → entries, Map compactKey (no spaces/dots) → entries;
 *  - prefix: keys sorted by code unit, binary search for the range starting with the query;
 *  - fuzzy: trigram index to pick candidates for Fuse.
 * Keys are never deleted: a key whose refs are all removed is inactive and skipped, and is
 * revived if a label produces it again, so the add-only structures stay consistent.
 */
export class LabelRegistry {
  readonly trigrams = new TrigramIndex();
  private readonly entries: KeyEntry[] = [];
  private readonly byKey = new Map<string, KeyEntry>();
  private readonly byLoose = new Map<string, number[]>();
  private readonly byCompact = new Map<string, number[]>();
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

  /** Attach `ref` to `key`; a skill appears at most once per key, preferring its name. */
  addRef(key: string, ref: LabelRef): KeyEntry {
    let entry = this.byKey.get(key);
    if (entry === undefined) entry = this.createEntry(key);
    const index = entry.refs.findIndex((r) => r.skillId === ref.skillId);
    if (index < 0) entry.refs.push(ref);
    else if (ref.isName && !entry.refs[index].isName) entry.refs[index] = ref;
    return entry;
  }

  removeRefs(entry: KeyEntry, skillId: string): void {
    entry.refs = entry.refs.filter((r) => r.skillId !== skillId);
  }

  /** Active entries whose loose key (folded, sorted tokens) or compact key equals the query's. */
  looseMatches(key: string): KeyEntry[] {
    const ids = new Set<number>([
      ...(this.byLoose.get(TextNormaliser.looseKey(key)) ?? []),
      ...(this.byCompact.get(TextNormaliser.compactKey(key)) ?? []),
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
    const entry: KeyEntry = { id, key, looseKey: TextNormaliser.looseKey(key), refs: [] };
    this.entries.push(entry);
    this.byKey.set(key, entry);
    LabelRegistry.push(this.byLoose, entry.looseKey, id);
    LabelRegistry.push(this.byCompact, TextNormaliser.compactKey(key), id);
    this.trigrams.add(id, key);
    this.pendingIds.push(id);
    return entry;
  }

  /** Merge keys created since the last prefix query into the sorted order. */
  private flushPending(): void {
    if (this.pendingIds.length === 0) return;
    const byKey = (a: number, b: number): number => {
      const ka = this.entries[a].key;
      const kb = this.entries[b].key;
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    };
    if (this.pendingIds.length > 64) {
      this.sortedIds = this.sortedIds.concat(this.pendingIds).sort(byKey);
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

  private static push(map: Map<string, number[]>, key: string, id: number): void {
    const list = map.get(key);
    if (list === undefined) map.set(key, [id]);
    else list.push(id);
  }
}
