/**
 * Public types of the skills search engine (fuzzy search, free-text resolution and
 * dictionary-based extraction). Pure data shapes: no behaviour, no framework types.
 */

/** The minimal view of a skill the search engine indexes. Extra fields are ignored. */
export interface SearchableSkill {
  readonly id: string;
  readonly name: string;
  /** ESCO altLabels, O*NET technology examples, ... (duplicates and blanks are tolerated). */
  readonly aliases: readonly string[];
}

/** How a search hit was obtained, strongest first. */
export type SearchMatchKind = 'exact' | 'loose' | 'prefix' | 'fuzzy';

export interface SkillSearchHit {
  readonly skillId: string;
  /** In (0, 1]; exactly 1 for an exact name or alias (case, accents and punctuation aside). */
  readonly score: number;
  /** The skill name or alias (as stored, original casing) that produced the score. */
  readonly matchedText: string;
  readonly matchKind: SearchMatchKind;
}

export interface SkillResolution {
  /** The free text as given. */
  readonly input: string;
  /** Best hit when its score is at least `RESOLVE_MIN_SCORE`, otherwise null. */
  readonly hit: SkillSearchHit | null;
}

export interface ExtractedSkill {
  readonly skillId: string;
  /** The span exactly as written in the text: `text.slice(start, end)`. */
  readonly matchedText: string;
  /** UTF-16 offsets into the original text, end exclusive. */
  readonly start: number;
  readonly end: number;
  /** 1 for an exact name/alias hit; lower for variants and ambiguous phrases (see EXTRACTION_CONFIDENCE). */
  readonly confidence: number;
  /** The dictionary label (skill name or alias, original casing) the span matched. */
  readonly label: string;
}

/** A token of text with its offsets in the original string. */
export interface TextToken {
  /** Normalised form: NFKD, diacritics stripped, lowercase, apostrophes removed. */
  readonly norm: string;
  /** Original characters: `text.slice(start, end)`. */
  readonly raw: string;
  readonly start: number;
  readonly end: number;
  /** True when the token touches the previous one through punctuation only ("e-commerce", "CI/CD"). */
  readonly joinedToPrev: boolean;
}

/** Internal: one skill label, tokenised once and shared by the search registry and the extraction dictionary. */
export interface IndexedLabel {
  readonly label: string;
  readonly isName: boolean;
  readonly tokens: readonly TextToken[];
  /** `TextNormaliser.keyVariants(tokens)`: canonical key first. */
  readonly variants: readonly string[];
}
