import { EXTRACTION_CONFIDENCE } from './search-scores';
import type { ExtractedSkill, SearchableSkill, TextToken } from './search.types';
import { STOP_WORDS } from './stop-words';
import { TextNormaliser } from './text-normaliser';

/**
 * How a one-token phrase may match on its own (longer phrases always may):
 *  - any: case-insensitively ("Kubernetes", "c++", ".NET", "nodejs");
 *  - exactCase: only written exactly like the label, standing alone ("R", "ML", "UX", "Go"):
 *    not glued to a neighbour by punctuation ("R&D", "C-level"), and not at a sentence start
 *    when it has a lower-case letter ("Go ahead");
 *  - upper: an all-capitals acronym of ≤ 5 characters with a vowel ("ICT", "ERM", "POS") only matches
 *    in capitals (plural "s" allowed), so ordinary words ("erm", "pos") do not;
 *  - never: too short and lower case ("re", "rs"), only digits, or a stop word.
 */
type SingleTokenRule = 'any' | 'exactCase' | 'upper' | 'never';

interface PhraseEntry {
  readonly skillId: string;
  readonly label: string;
  readonly isName: boolean;
  /** Unfolded normalised key (canonical or punctuation variant) of the label. */
  readonly key: string;
  readonly tokenCount: number;
  readonly rule: SingleTokenRule;
  /** Original text of the label's single token, for `exactCase`. */
  readonly rawToken: string;
}

interface SkillMeta {
  readonly nameFoldedKeys: ReadonlySet<string>;
  readonly nameLength: number;
  readonly foldedKeys: readonly string[];
}

interface SpanMatch {
  readonly startToken: number;
  readonly tokenCount: number;
  readonly skillId: string;
  readonly label: string;
  readonly confidence: number;
}

const MAX_PHRASE_TOKENS = 32;
const DIGITS_ONLY = /^[\p{N}.]+$/u;
const VOWEL_ACRONYM_LETTERS = /^[A-Z0-9&]{2,5}$/;
const UPPER_WITH_PLURAL = /^[^\p{Ll}]+s?$/u;
const SENTENCE_BOUNDARY = /[.!?:;•*\-–—\n\r(]/;

/**
 * Extraction dictionary: Map from folded normalised phrase → skill labels, scanned over the text's
 * token n-grams. All n-grams up to the longest phrase are looked up (O(words × longest phrase)
 * hash lookups), then the longest spans win and overlaps are dropped. Matching is exact on
 * normalised tokens after a light singular fold, so "Databases", "database" and "DATABASE" match
 * alike and "Node.js" / "nodejs" / "node js" match through the punctuation variants.
 *
 * Ambiguous phrases (one phrase, several skills) resolve to: the skill whose NAME is the phrase,
 * else a skill with an exact (unfolded) hit, else the shortest name, else the smallest id.
 */
export class PhraseDictionary {
  private readonly byPhrase = new Map<string, PhraseEntry[]>();
  private readonly skills = new Map<string, SkillMeta>();
  private maxTokens = 1;

  /** Adds every label of `skill`; the caller removes a previous version first. */
  add(skill: SearchableSkill, labels: ReadonlyArray<{ label: string; isName: boolean; tokens: TextToken[] }>): void {
    const foldedKeys = new Set<string>();
    const nameFoldedKeys = new Set<string>();
    for (const { label, isName, tokens } of labels) {
      for (const key of TextNormaliser.keyVariants(tokens)) {
        const folded = TextNormaliser.foldKey(key);
        const tokenCount = key.split(' ').length;
        if (tokenCount > MAX_PHRASE_TOKENS) continue;
        if (isName) nameFoldedKeys.add(folded);
        const entry: PhraseEntry = {
          skillId: skill.id,
          label,
          isName,
          key,
          tokenCount,
          rule: tokenCount === 1 ? PhraseDictionary.singleTokenRule(label, key, tokens) : 'any',
          rawToken: tokens.length === 1 ? tokens[0].raw : '',
        };
        const list = this.byPhrase.get(folded);
        if (list === undefined) this.byPhrase.set(folded, [entry]);
        else if (!list.some((e) => e.skillId === entry.skillId && e.key === entry.key && e.rawToken === entry.rawToken)) list.push(entry);
        foldedKeys.add(folded);
        if (tokenCount > this.maxTokens) this.maxTokens = tokenCount;
      }
    }
    this.skills.set(skill.id, { nameFoldedKeys, nameLength: skill.name.length, foldedKeys: [...foldedKeys] });
  }

  remove(skillId: string): void {
    const meta = this.skills.get(skillId);
    if (meta === undefined) return;
    for (const folded of meta.foldedKeys) {
      const list = this.byPhrase.get(folded);
      if (list === undefined) continue;
      const kept = list.filter((e) => e.skillId !== skillId);
      if (kept.length === 0) this.byPhrase.delete(folded);
      else this.byPhrase.set(folded, kept);
    }
    this.skills.delete(skillId);
  }

  get phraseCount(): number {
    return this.byPhrase.size;
  }

  scan(text: string): ExtractedSkill[] {
    const tokens = TextNormaliser.tokenise(text);
    const folded = tokens.map((t) => TextNormaliser.fold(t.norm));
    const candidates: SpanMatch[] = [];
    for (let i = 0; i < tokens.length; i += 1) {
      let foldedKey = '';
      let key = '';
      const last = Math.min(tokens.length, i + this.maxTokens);
      for (let j = i; j < last; j += 1) {
        foldedKey = j === i ? folded[j] : `${foldedKey} ${folded[j]}`;
        key = j === i ? tokens[j].norm : `${key} ${tokens[j].norm}`;
        const entries = this.byPhrase.get(foldedKey);
        if (entries === undefined) continue;
        const match = this.choose(text, tokens, i, j - i + 1, key, foldedKey, entries);
        if (match !== null) candidates.push(match);
      }
    }
    // Longest first (tokens, then characters), then leftmost; keep non-overlapping spans.
    const charLength = (m: SpanMatch): number => tokens[m.startToken + m.tokenCount - 1].end - tokens[m.startToken].start;
    candidates.sort((a, b) => b.tokenCount - a.tokenCount || charLength(b) - charLength(a) || a.startToken - b.startToken);
    const taken = new Uint8Array(tokens.length);
    const bySkill = new Map<string, SpanMatch>();
    for (const match of candidates) {
      let free = true;
      for (let k = match.startToken; k < match.startToken + match.tokenCount; k += 1) {
        if (taken[k] === 1) {
          free = false;
          break;
        }
      }
      if (!free) continue;
      taken.fill(1, match.startToken, match.startToken + match.tokenCount);
      const previous = bySkill.get(match.skillId);
      if (
        previous === undefined ||
        match.confidence > previous.confidence ||
        (match.confidence === previous.confidence && match.startToken < previous.startToken)
      ) {
        bySkill.set(match.skillId, match);
      }
    }
    return [...bySkill.values()]
      .sort((a, b) => a.startToken - b.startToken)
      .map((m) => {
        const start = tokens[m.startToken].start;
        const end = tokens[m.startToken + m.tokenCount - 1].end;
        return { skillId: m.skillId, matchedText: text.slice(start, end), start, end, confidence: m.confidence, label: m.label };
      });
  }

  private choose(
    text: string,
    tokens: readonly TextToken[],
    start: number,
    count: number,
    key: string,
    foldedKey: string,
    entries: readonly PhraseEntry[],
  ): SpanMatch | null {
    let allStop = true;
    for (let k = start; k < start + count; k += 1) {
      if (!PhraseDictionary.isStopWord(tokens[k].norm)) {
        allStop = false;
        break;
      }
    }
    if (allStop) return null;
    // Best entry per skill: exact (unfolded) key first, then the name.
    const perSkill = new Map<string, { entry: PhraseEntry; exact: boolean }>();
    for (const entry of entries) {
      if (count === 1 && !PhraseDictionary.singleTokenAllowed(text, tokens, start, entry)) continue;
      const exact = entry.key === key;
      const current = perSkill.get(entry.skillId);
      if (current === undefined || (exact && !current.exact) || (exact === current.exact && entry.isName && !current.entry.isName)) {
        perSkill.set(entry.skillId, { entry, exact });
      }
    }
    if (perSkill.size === 0) return null;
    let best: { skillId: string; entry: PhraseEntry; exact: boolean; isNamed: boolean; nameLength: number } | null = null;
    for (const [skillId, { entry, exact }] of perSkill) {
      const meta = this.skills.get(skillId);
      const isNamed = meta !== undefined && meta.nameFoldedKeys.has(foldedKey);
      const nameLength = meta?.nameLength ?? Number.MAX_SAFE_INTEGER;
      const candidate = { skillId, entry, exact, isNamed, nameLength };
      if (best === null || PhraseDictionary.better(candidate, best)) best = candidate;
    }
    if (best === null) return null;
    let confidence: number = best.exact ? EXTRACTION_CONFIDENCE.exact : EXTRACTION_CONFIDENCE.folded;
    if (perSkill.size > 1 && !best.isNamed) confidence *= EXTRACTION_CONFIDENCE.ambiguityFactor;
    return { startToken: start, tokenCount: count, skillId: best.skillId, label: best.entry.label, confidence };
  }

  private static better(
    a: { skillId: string; exact: boolean; isNamed: boolean; nameLength: number },
    b: { skillId: string; exact: boolean; isNamed: boolean; nameLength: number },
  ): boolean {
    if (a.isNamed !== b.isNamed) return a.isNamed;
    if (a.exact !== b.exact) return a.exact;
    if (a.nameLength !== b.nameLength) return a.nameLength < b.nameLength;
    return a.skillId < b.skillId;
  }

  private static isStopWord(norm: string): boolean {
    return STOP_WORDS.has(norm) || STOP_WORDS.has(TextNormaliser.fold(norm));
  }

  private static singleTokenRule(label: string, key: string, tokens: readonly TextToken[]): SingleTokenRule {
    if (PhraseDictionary.isStopWord(key) || DIGITS_ONLY.test(key)) return 'never';
    if (TextNormaliser.hasSymbol(key)) return 'any';
    if (TextNormaliser.alnumLength(key) < 3) {
      // Only the label's own single token can be matched case-sensitively; variants cannot.
      return tokens.length === 1 && tokens[0].norm === key && /\p{Lu}/u.test(tokens[0].raw) ? 'exactCase' : 'never';
    }
    const trimmed = label.trim();
    if (VOWEL_ACRONYM_LETTERS.test(trimmed) && /[A-Z].*[A-Z]/.test(trimmed) && /[AEIOU]/.test(trimmed)) return 'upper';
    return 'any';
  }

  private static singleTokenAllowed(text: string, tokens: readonly TextToken[], index: number, entry: PhraseEntry): boolean {
    const token = tokens[index];
    if (PhraseDictionary.isStopWord(token.norm)) return false;
    switch (entry.rule) {
      case 'never':
        return false;
      case 'any':
        return true;
      case 'upper':
        return UPPER_WITH_PLURAL.test(token.raw);
      case 'exactCase': {
        if (token.raw !== entry.rawToken) return false;
        const next = tokens[index + 1];
        if (token.joinedToPrev || (next !== undefined && next.joinedToPrev)) return false;
        return !(/\p{Ll}/u.test(token.raw) && PhraseDictionary.atSentenceStart(text, token.start));
      }
    }
  }

  private static atSentenceStart(text: string, offset: number): boolean {
    for (let i = offset - 1; i >= 0; i -= 1) {
      const ch = text[i];
      if (ch === ' ' || ch === '\t') continue;
      return SENTENCE_BOUNDARY.test(ch);
    }
    return true;
  }
}
