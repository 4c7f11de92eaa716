import type { TextToken } from './search.types';

/**
 * A token starts with a letter or digit (or a '.' directly followed by one: ".NET"), may contain
 * inner '.' and apostrophes between letters/digits ("node.js", "asp.net", "children's", "3.5")
 * and may end with "++", "+" or "#" ("C++", "C#", "Notepad++"). Everything else separates tokens.
 */
const TOKEN_PATTERN =
  /(?:\.(?=[\p{L}\p{N}]))?[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’.][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*(?:\+\+|[+#])?/gu;
/** The same token shape restricted to ASCII (several times faster than the Unicode classes). */
const ASCII_TOKEN_PATTERN = /(?:\.(?=[A-Za-z0-9]))?[A-Za-z0-9]+(?:['.][A-Za-z0-9]+)*(?:\+\+|[+#])?/g;
// Tab, newlines and printable ASCII.
const ASCII_TEXT = /^[\t\n\r\x20-\x7e]*$/;
const MARKS = /\p{M}/gu;
const APOSTROPHES = /['’]/g;
const ASCII_WORD = /^[\x20-\x26\x28-\x7e]*$/;
const WHITESPACE = /\s/;
const LOWER_LETTERS = /^\p{Ll}+$/u;
const SYMBOLS = /[+#]|^\./;
/** At most this many non-space characters between two tokens still count as "joined" ("R&D"). */
const MAX_JOIN_GAP = 2;
/** Bounded memo of `fold` (the vocabulary is small; arbitrary text could grow it without bound). */
const FOLD_CACHE_LIMIT = 100_000;
const foldCache = new Map<string, string>();

/**
 * Text normalisation shared by the search index and the extraction dictionary, so that queries,
 * labels and free text always agree:
 *  - NFKD, diacritics (combining marks) stripped, lower case, apostrophes dropped;
 *  - punctuation separates tokens, except the tech symbols kept by `TOKEN_PATTERN`;
 *  - keys are tokens joined by one space.
 */
export class TextNormaliser {
  /** Tokens of `text` with their offsets in the original string. */
  static tokenise(text: string): TextToken[] {
    const tokens: TextToken[] = [];
    let prevEnd = -1;
    const pattern = ASCII_TEXT.test(text) ? ASCII_TOKEN_PATTERN : TOKEN_PATTERN;
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
      const raw = match[0];
      const start = match.index;
      const end = start + raw.length;
      const norm = TextNormaliser.normaliseToken(raw);
      if (norm.length === 0) continue;
      let joinedToPrev = false;
      if (prevEnd >= 0 && start - prevEnd <= MAX_JOIN_GAP) {
        joinedToPrev = !WHITESPACE.test(text.slice(prevEnd, start));
      }
      tokens.push({ norm, raw, start, end, joinedToPrev });
      prevEnd = end;
    }
    return tokens;
  }

  static normaliseToken(raw: string): string {
    if (ASCII_WORD.test(raw)) return raw.toLowerCase(); // fast path: nothing to decompose or drop
    return raw.normalize('NFKD').replace(MARKS, '').toLowerCase().replace(APOSTROPHES, '');
  }

  /** The canonical key of a text: normalised tokens joined by single spaces. */
  static normalise(text: string): string {
    return TextNormaliser.canonicalKey(TextNormaliser.tokenise(text));
  }

  static canonicalKey(tokens: readonly TextToken[]): string {
    return tokens.map((t) => t.norm).join(' ');
  }

  /**
   * The canonical key followed by its punctuation variants (deduplicated, canonical first):
   *  - joined: tokens glued by punctuation are concatenated and inner dots removed
   *    ("node.js" → "nodejs", "e-commerce" → "ecommerce", "CI/CD" → "cicd"; a lone ".net" → "dotnet");
   *  - split: inner dots become spaces ("node.js" → "node js", "asp.net" → "asp net").
   */
  static keyVariants(tokens: readonly TextToken[]): string[] {
    if (tokens.length === 0) return [];
    const canonical = TextNormaliser.canonicalKey(tokens);
    if (!tokens.some((t) => t.joinedToPrev || t.norm.includes('.'))) return [canonical];
    const joinedParts: string[] = [];
    let group: string[] = [];
    const flush = (): void => {
      if (group.length === 0) return;
      if (group.length === 1 && group[0].startsWith('.')) joinedParts.push(`dot${group[0].slice(1).replace(/\./g, '')}`);
      else joinedParts.push(group.join('').replace(/\./g, ''));
      group = [];
    };
    for (const token of tokens) {
      if (!token.joinedToPrev) flush();
      group.push(token.norm);
    }
    flush();
    const joined = joinedParts.join(' ');
    const split = tokens.map((t) => (t.norm.startsWith('.') ? '.' + t.norm.slice(1).replace(/\./g, ' ') : t.norm.replace(/\./g, ' '))).join(' ');
    const variants = [canonical];
    if (joined !== canonical) variants.push(joined);
    if (split !== canonical && split !== joined) variants.push(split);
    return variants;
  }

  /**
   * Light singular fold of one normalised token (a Porter step-1a/1c subset), applied identically
   * to labels and text so only equality matters: "databases" and "database" → "databas",
   * "policies" and "policy" → "polici", "processes" → "process", "analysis" unchanged.
   * Tokens of 3 characters or less and tokens with digits or symbols are left untouched.
   */
  static fold(token: string): string {
    if (token.length <= 3) return token;
    const cached = foldCache.get(token);
    if (cached !== undefined) return cached;
    const folded = TextNormaliser.foldUncached(token);
    if (foldCache.size >= FOLD_CACHE_LIMIT) foldCache.clear();
    foldCache.set(token, folded);
    return folded;
  }

  private static foldUncached(token: string): string {
    if (!LOWER_LETTERS.test(token)) return token;
    let s = token;
    if (s.endsWith('ies') && s.length > 4) s = s.slice(0, -2);
    else if (s.endsWith('sses')) s = s.slice(0, -2);
    else if (s.endsWith('s') && !s.endsWith('ss') && !s.endsWith('us') && !s.endsWith('is')) s = s.slice(0, -1);
    if (s.length > 3 && s.endsWith('e')) s = s.slice(0, -1);
    if (s.length > 3 && s.endsWith('y')) s = s.slice(0, -1) + 'i';
    return s;
  }

  /** Key of space-separated normalised tokens with every token folded. */
  static foldKey(key: string): string {
    return key.split(' ').map(TextNormaliser.fold).join(' ');
  }

  /** Word-order and plural tolerant key: folded tokens sorted. */
  static looseKey(key: string): string {
    return key.split(' ').map(TextNormaliser.fold).sort().join(' ');
  }

  /** Space and dot insensitive key: "java script" and "javascript" → "javascript". */
  static compactKey(key: string): string {
    return key.replace(/[ .]/g, '');
  }

  /** Number of letters and digits in a normalised token (symbols not counted). */
  static alnumLength(token: string): number {
    return token.replace(/[^\p{L}\p{N}]/gu, '').length;
  }

  /** True for tokens carrying a tech symbol: "c++", "c#", ".net". */
  static hasSymbol(token: string): boolean {
    return SYMBOLS.test(token);
  }
}
