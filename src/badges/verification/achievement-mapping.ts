import type { AchievementAlignment, ExtractedResult } from './types';

/** Canonical form of an ESCO skill URI (ESCO publishes them with http://, not https://). */
const ESCO_SKILL = /^https?:\/\/data\.europa\.eu\/esco\/skill\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/?$/iu;

/** `http://data.europa.eu/esco/skill/<uuid>` for an ESCO skill URI, also when wrapped in an ESCO portal link (`?uri=`). */
export function normalizeEscoSkillUri(value: string | undefined | null): string | null {
  if (!value) return null;
  const v = value.trim();
  const direct = ESCO_SKILL.exec(v);
  if (direct) return `http://data.europa.eu/esco/skill/${direct[1].toLowerCase()}`;
  // e.g. https://esco.ec.europa.eu/en/classification/skill?uri=http%3A%2F%2Fdata.europa.eu%2Fesco%2Fskill%2F<uuid>
  if (/^https?:\/\//iu.test(v) && v.includes('uri=')) {
    try {
      const inner = new URL(v).searchParams.get('uri');
      const m = inner ? ESCO_SKILL.exec(inner.trim()) : null;
      if (m) return `http://data.europa.eu/esco/skill/${m[1].toLowerCase()}`;
    } catch {
      return null;
    }
  }
  return null;
}

/** Distinct ESCO skill URIs named by the alignments' targetUrl or targetCode, in document order. */
export function escoSkillUris(alignments: readonly AchievementAlignment[]): string[] {
  const out: string[] = [];
  for (const a of alignments) {
    for (const candidate of [a.targetUrl, a.targetCode]) {
      const uri = normalizeEscoSkillUri(candidate);
      if (uri && !out.includes(uri)) out.push(uri);
    }
  }
  return out;
}

export interface AchievementLevel {
  /** Name of the achieved rubric level, else the result value. */
  label: string;
  /** 1-based position of the achieved level among the rubric's levels (document order), when known. */
  rank?: number;
  /** Number of levels in the rubric, when known. */
  outOf?: number;
  /** Name of the ResultDescription it belongs to. */
  description?: string;
  source: 'rubric-level' | 'result-value';
}

/**
 * The level the learner reached, from OB3 results: the achieved RubricCriterionLevel when there is one,
 * else the first result value (grade, percent …). null when the credential says nothing about levels.
 */
export function levelFromResults(results: readonly ExtractedResult[] | undefined): AchievementLevel | null {
  if (!results?.length) return null;
  for (const r of results) {
    const lvl = r.achievedLevel;
    if (!lvl) continue;
    const label = lvl.name ?? lvl.level ?? lvl.id;
    if (!label) continue;
    const out: AchievementLevel = { label, source: 'rubric-level' };
    if (r.levels?.length) {
      const i = lvl.name ? r.levels.indexOf(lvl.name) : -1;
      if (i >= 0) out.rank = i + 1;
      out.outOf = r.levels.length;
    }
    if (r.name) out.description = r.name;
    return out;
  }
  const withValue = results.find((r) => r.value !== undefined && r.value !== '');
  if (withValue?.value) {
    const out: AchievementLevel = { label: withValue.value, source: 'result-value' };
    if (withValue.name) out.description = withValue.name;
    return out;
  }
  return null;
}
