import { createHash } from 'node:crypto';

export type EvidenceSource = 'CREDENTIAL' | 'ASSESSMENT' | 'EXPERIENCE' | 'SELF_REPORTED';
export type VerificationStatus = 'VERIFIED' | 'UNVERIFIED' | 'FAILED' | 'REVOKED';

/**
 * Matching configuration (the contract's defaults). Similarity factors live in
 * `taxonomy/similarity-config.ts`; category half-lives in `taxonomy/skill-graph.ts`.
 */
export interface MatchConfig {
  readonly confidence: {
    /** credential evidence by verification status; a credential without a status counts as VERIFIED (catalogue award) */
    readonly CREDENTIAL: Readonly<Record<VerificationStatus, number>>;
    readonly ASSESSMENT: number;
    readonly EXPERIENCE: number;
    readonly SELF_REPORTED: number;
  };
  /** a mandatory requirement is met when its coverage ≥ this */
  readonly mandatoryThreshold: number;
}

export const DEFAULT_MATCH_CONFIG: MatchConfig = deepFreeze({
  confidence: {
    CREDENTIAL: { VERIFIED: 1.0, UNVERIFIED: 0.6, FAILED: 0, REVOKED: 0 }, // UNVERIFIED: a claim anyone can make, as self-reported
    ASSESSMENT: 1.0,
    EXPERIENCE: 0.9,
    SELF_REPORTED: 0.6,
  },
  mandatoryThreshold: 0.6,
});

export interface MatchConfigOverrides {
  readonly confidence?: {
    readonly CREDENTIAL?: Partial<Record<VerificationStatus, number>>;
    readonly ASSESSMENT?: number;
    readonly EXPERIENCE?: number;
    readonly SELF_REPORTED?: number;
  };
  readonly mandatoryThreshold?: number;
}

/** Defaults + overrides, validated (confidences in [0, 1], threshold in [0, 1]) and frozen. */
export function resolveMatchConfig(overrides: MatchConfigOverrides = {}): MatchConfig {
  const d = DEFAULT_MATCH_CONFIG;
  const o = overrides.confidence ?? {};
  const c: MatchConfig = {
    confidence: {
      CREDENTIAL: { ...d.confidence.CREDENTIAL, ...(o.CREDENTIAL ?? {}) },
      ASSESSMENT: o.ASSESSMENT ?? d.confidence.ASSESSMENT,
      EXPERIENCE: o.EXPERIENCE ?? d.confidence.EXPERIENCE,
      SELF_REPORTED: o.SELF_REPORTED ?? d.confidence.SELF_REPORTED,
    },
    mandatoryThreshold: overrides.mandatoryThreshold ?? d.mandatoryThreshold,
  };
  const values = [
    ...Object.values(c.confidence.CREDENTIAL),
    c.confidence.ASSESSMENT,
    c.confidence.EXPERIENCE,
    c.confidence.SELF_REPORTED,
    c.mandatoryThreshold,
  ];
  for (const v of values) {
    if (!(typeof v === 'number' && v >= 0 && v <= 1)) throw new RangeError(`match config values must be in [0, 1], got ${String(v)}`);
  }
  return deepFreeze(c);
}

/**
 * Confidence of a piece of evidence. Credential evidence uses its verification status
 * (missing status = VERIFIED: awarded from the catalogue); other sources ignore `verification`.
 */
export function confidenceOf(config: MatchConfig, source: EvidenceSource, verification?: VerificationStatus | null): number {
  switch (source) {
    case 'CREDENTIAL':
      return config.confidence.CREDENTIAL[verification ?? 'VERIFIED'];
    case 'ASSESSMENT':
      return config.confidence.ASSESSMENT;
    case 'EXPERIENCE':
      return config.confidence.EXPERIENCE;
    case 'SELF_REPORTED':
      return config.confidence.SELF_REPORTED;
    default:
      throw new RangeError(`unknown evidence source ${String(source)}`);
  }
}

/** JSON with object keys sorted at every level (arrays keep their order); numbers via JSON. */
export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const s = JSON.stringify(value);
    return s === undefined ? 'null' : s;
  }
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stableStringify(obj[k])}`).join(',')}}`;
}

/**
 * Stable hash of a configuration (or of any JSON-like value, e.g. `{ match, similarity }`):
 * the first 16 hex digits of sha256(stableStringify(value)). Key order does not matter.
 */
export function configHash(config: unknown): string {
  return createHash('sha256').update(stableStringify(config)).digest('hex').slice(0, 16);
}

function deepFreeze<T>(o: T): T {
  if (o !== null && typeof o === 'object') {
    for (const v of Object.values(o as Record<string, unknown>)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}
