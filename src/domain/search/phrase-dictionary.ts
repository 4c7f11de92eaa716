import { EXTRACTION_CONFIDENCE } from './search-scores';
import type { KeyEntry, LabelRegistry } from './label-registry';
import type { ExtractedSkill, TextToken } from './search.types';
import { FUNCTION_WORDS, STOP_WORDS } from './stop-words';
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

interface SpanMatch {
  readonly startToken: number;
  readonly tokenCount: number;
  readonly skillId: string;
  readonly label: string;
  readonly confidence: number;
}

interface SkillChoice {
  readonly skillId: string;
  readonly label: string;
  /** The span equals the label's key before plural folding. */
  readonly exact: boolean;
  /** The phrase is (a variant of) the skill's name. */
  readonly isNamed: boolean;
  readonly nameLength: number;
}

const DIGITS_ONLY = /^[\p{N}.]+$/u;
const VOWEL_ACRONYM_LETTERS = /^[A-Z0-9&]{2,5}$/;
const UPPER_WITH_PLURAL = /^[^\p{Ll}]+s?$/u;
const SENTENCE_BOUNDARY = /[.!?:;•*\-–—\n\r(]/;

/**
 * Extraction over the registry's folded-phrase map: every token n-gram of the text (up to the
 * longest phrase starting with its first token) is looked up (O(words × phrase length) hash
 * lookups), then the longest spans win and overlaps are dropped. Matching is exact on normalised
 * tokens after a light singular fold, so "Databases", "database" and "DATABASE" match alike, and
 * "Node.js" / "nodejs" / "node js" match through the punctuation variants of the labels.
 *
 * Ambiguous phrases (one phrase, several skills) resolve to: the skill whose NAME is the phrase,
 * else a skill with an exact (unfolded) hit, else the shortest name, else the smallest id.
 */
export class PhraseDictionary {
  constructor(
    private readonly registry: LabelRegistry,
    private readonly nameLength: (skillId: string) => number,
  ) {}

  scan(text: string): ExtractedSkill[] {
    const tokens = TextNormaliser.tokenise(text);
    const folded = tokens.map((t) => TextNormaliser.fold(t.norm));
    const candidates: SpanMatch[] = [];
    for (let i = 0; i < tokens.length; i += 1) {
      let foldedKey = '';
      let key = '';
      const last = Math.min(tokens.length, i + this.registry.longestPhraseFrom(folded[i]));
      for (let j = i; j < last; j += 1) {
        foldedKey = j === i ? folded[j] : `${foldedKey} ${folded[j]}`;
        key = j === i ? tokens[j].norm : `${key} ${tokens[j].norm}`;
        const entries = this.registry.foldedMatches(foldedKey);
        if (entries === undefined) continue;
        const match = this.choose(text, tokens, i, j - i + 1, key, entries);
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
    entries: readonly KeyEntry[],
  ): SpanMatch | null {
    // A phrase of function words only ("to be", "and/or") never matches; posting words may
    // combine into a real skill ("work in teams", "lead a team").
    let allFunction = true;
    for (let k = start; k < start + count; k += 1) {
      if (!FUNCTION_WORDS.has(tokens[k].norm)) {
        allFunction = false;
        break;
      }
    }
    if (allFunction) return null;
    // Best label per skill: exact (unfolded) key first, then the name.
    const perSkill = new Map<string, SkillChoice>();
    for (const entry of entries) {
      const exact = entry.key === key;
      for (const ref of entry.refs) {
        if (count === 1 && !PhraseDictionary.singleTokenAllowed(text, tokens, start, entry.key, ref.label)) continue;
        const current = perSkill.get(ref.skillId);
        const isNamed = ref.isName || current?.isNamed === true;
        if (current === undefined || (exact && !current.exact) || (exact === current.exact && ref.isName && !current.isNamed)) {
          perSkill.set(ref.skillId, { skillId: ref.skillId, label: ref.label, exact, isNamed, nameLength: this.nameLength(ref.skillId) });
        } else if (isNamed && !current.isNamed) {
          perSkill.set(ref.skillId, { ...current, isNamed });
        }
      }
    }
    let best: SkillChoice | null = null;
    for (const choice of perSkill.values()) if (best === null || PhraseDictionary.better(choice, best)) best = choice;
    if (best === null) return null;
    let confidence: number = best.exact ? EXTRACTION_CONFIDENCE.exact : EXTRACTION_CONFIDENCE.folded;
    if (perSkill.size > 1 && !best.isNamed) confidence *= EXTRACTION_CONFIDENCE.ambiguityFactor;
    return { startToken: start, tokenCount: count, skillId: best.skillId, label: best.label, confidence };
  }

  private static better(a: SkillChoice, b: SkillChoice): boolean {
    if (a.isNamed !== b.isNamed) return a.isNamed;
    if (a.exact !== b.exact) return a.exact;
    if (a.nameLength !== b.nameLength) return a.nameLength < b.nameLength;
    return a.skillId < b.skillId;
  }

  private static isStopWord(norm: string): boolean {
    return STOP_WORDS.has(norm) || STOP_WORDS.has(TextNormaliser.fold(norm));
  }

  /** The rule for a one-token phrase `key` coming from `label` (see `SingleTokenRule`). */
  private static singleTokenRule(key: string, label: string): SingleTokenRule {
    if (PhraseDictionary.isStopWord(key) || DIGITS_ONLY.test(key)) return 'never';
    if (TextNormaliser.hasSymbol(key)) return 'any';
    const trimmed = label.trim();
    if (TextNormaliser.alnumLength(key) < 3) {
      // Only a label that is this very token, with a capital, can match: "R", "ML", "Go".
      return TextNormaliser.normaliseToken(trimmed) === key && /\p{Lu}/u.test(trimmed) ? 'exactCase' : 'never';
    }
    if (VOWEL_ACRONYM_LETTERS.test(trimmed) && /[A-Z].*[A-Z]/.test(trimmed) && /[AEIOU]/.test(trimmed)) return 'upper';
    return 'any';
  }

  private static singleTokenAllowed(text: string, tokens: readonly TextToken[], index: number, key: string, label: string): boolean {
    const token = tokens[index];
    if (PhraseDictionary.isStopWord(token.norm)) return false;
    switch (PhraseDictionary.singleTokenRule(key, label)) {
      case 'never':
        return false;
      case 'any':
        return true;
      case 'upper':
        return UPPER_WITH_PLURAL.test(token.raw);
      case 'exactCase': {
        if (token.raw !== label.trim()) return false;
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
