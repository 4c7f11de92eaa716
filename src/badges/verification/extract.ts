import type { AchievementAlignment, ExtractedAchievement, ExtractedResult } from './types';
import { asArray, idOf, isObject, Json, parseDate, str } from './util';

export interface ExtractedFields {
  credentialId?: string;
  credentialName?: string;
  issuer: { id: string; name?: string };
  achievement: ExtractedAchievement;
  results?: ExtractedResult[];
  issuedAt: Date | null;
  expiresAt: Date | null;
  /** Start of the validity window (validFrom / issuanceDate), which may differ from issuedAt (awardedDate). */
  validFrom: Date | null;
  subject: { id?: string; name?: string };
}

function text(v: unknown): string | undefined {
  if (typeof v === 'string') return v || undefined;
  // JSON-LD language maps / value objects: {"@value": "...", "@language": "en"} or [{...}]
  if (Array.isArray(v)) return v.map(text).find((x) => x !== undefined);
  if (isObject(v)) return str(v['@value']);
  return undefined;
}

function alignments(v: unknown): AchievementAlignment[] {
  return asArray(v)
    .filter(isObject)
    .map((a) => {
      const out: AchievementAlignment = {};
      const targetUrl = str(a.targetUrl) ?? str(a.targetURL) ?? str(a.url);
      if (targetUrl) out.targetUrl = targetUrl;
      const targetCode = str(a.targetCode);
      if (targetCode) out.targetCode = targetCode;
      const targetName = text(a.targetName);
      if (targetName) out.targetName = targetName;
      const targetFramework = text(a.targetFramework);
      if (targetFramework) out.targetFramework = targetFramework;
      const targetType = str(a.targetType);
      if (targetType) out.targetType = targetType;
      const targetDescription = text(a.targetDescription);
      if (targetDescription) out.targetDescription = targetDescription;
      return out;
    })
    .filter((a) => Object.keys(a).length > 0);
}

function criteria(v: unknown): string | undefined {
  if (typeof v === 'string') return v || undefined;
  if (isObject(v)) return text(v.narrative) ?? str(v.id);
  return undefined;
}

function num(v: unknown): number | undefined {
  const n = typeof v === 'string' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

function issuerOf(v: unknown): { id: string; name?: string } {
  const id = idOf(v) ?? '';
  const name = isObject(v) ? text(v.name) : undefined;
  return name ? { id, name } : { id };
}

/** The AchievementSubject of an OB3 credential (the first subject carrying an achievement, else the first). */
export function ob3Subject(credential: Json): Json | undefined {
  const subjects = asArray(credential.credentialSubject).filter(isObject);
  return subjects.find((s) => isObject(s.achievement) || Array.isArray(s.achievement)) ?? subjects[0];
}

function ob3Results(subject: Json | undefined, achievement: Json | undefined): ExtractedResult[] | undefined {
  const descriptions = asArray(achievement?.resultDescription).filter(isObject);
  const results = asArray(subject?.result).filter(isObject);
  if (!descriptions.length && !results.length) return undefined;
  const levelsOf = (d: Json | undefined) => asArray(d?.rubricCriterionLevel).filter(isObject);
  const out: ExtractedResult[] = [];
  const used = new Set<Json>();
  for (const r of results) {
    const descId = idOf(r.resultDescription);
    const desc = descriptions.find((d) => descId !== undefined && str(d.id) === descId);
    if (desc) used.add(desc);
    const levels = levelsOf(desc);
    const achievedId = idOf(r.achievedLevel);
    const lvl = levels.find((l) => achievedId !== undefined && str(l.id) === achievedId);
    const item: ExtractedResult = {};
    if (descId) item.resultDescriptionId = descId;
    const name = text(desc?.name);
    if (name) item.name = name;
    const resultType = str(desc?.resultType);
    if (resultType) item.resultType = resultType;
    const value = r.value !== undefined && r.value !== null ? String(r.value as string | number) : undefined;
    if (value) item.value = value;
    const status = str(r.status);
    if (status) item.status = status;
    if (achievedId || lvl) {
      item.achievedLevel = {};
      if (achievedId) item.achievedLevel.id = achievedId;
      const ln = text(lvl?.name);
      if (ln) item.achievedLevel.name = ln;
      const lv = text(lvl?.level);
      if (lv) item.achievedLevel.level = lv;
      const ld = text(lvl?.description);
      if (ld) item.achievedLevel.description = ld;
    }
    const names = levels.map((l) => text(l.name)).filter((x): x is string => !!x);
    if (names.length) item.levels = names;
    out.push(item);
  }
  // Descriptions without a result: still informative (what levels the achievement has).
  for (const d of descriptions) {
    if (used.has(d)) continue;
    const item: ExtractedResult = {};
    const id = str(d.id);
    if (id) item.resultDescriptionId = id;
    const name = text(d.name);
    if (name) item.name = name;
    const resultType = str(d.resultType);
    if (resultType) item.resultType = resultType;
    const names = levelsOf(d).map((l) => text(l.name)).filter((x): x is string => !!x);
    if (names.length) item.levels = names;
    out.push(item);
  }
  return out;
}

/** Fields of an Open Badges 3.0 (OpenBadgeCredential / AchievementCredential) credential, VC 1.1 or 2.0. */
export function extractOb3(credential: Json): ExtractedFields {
  const subject = ob3Subject(credential);
  const ach = isObject(subject?.achievement) ? subject.achievement : asArray(subject?.achievement).find(isObject);
  const achievement: ExtractedAchievement = {
    name: text(ach?.name) ?? text(credential.name) ?? 'Unnamed achievement',
    alignments: alignments(ach?.alignment),
  };
  const achId = str(ach?.id);
  if (achId) achievement.id = achId;
  const description = text(ach?.description) ?? text(credential.description);
  if (description) achievement.description = description;
  const crit = criteria(ach?.criteria);
  if (crit) achievement.criteria = crit;
  const achievementType = str(ach?.achievementType);
  if (achievementType) achievement.type = achievementType;
  const credits = num(ach?.creditsAvailable);
  if (credits !== undefined) achievement.creditsAvailable = credits;
  const fieldOfStudy = text(ach?.fieldOfStudy);
  if (fieldOfStudy) achievement.fieldOfStudy = fieldOfStudy;

  const validFrom = parseDate(credential.validFrom) ?? parseDate(credential.issuanceDate);
  const out: ExtractedFields = {
    issuer: issuerOf(credential.issuer),
    achievement,
    issuedAt: validFrom ?? parseDate(credential.awardedDate),
    expiresAt: parseDate(credential.validUntil) ?? parseDate(credential.expirationDate),
    validFrom,
    subject: {},
  };
  const results = ob3Results(subject, ach);
  if (results) out.results = results;
  const credentialId = str(credential.id);
  if (credentialId) out.credentialId = credentialId;
  const credentialName = text(credential.name);
  if (credentialName) out.credentialName = credentialName;
  const subjectId = str(subject?.id);
  if (subjectId) out.subject.id = subjectId;
  const subjectName = text(subject?.name);
  if (subjectName) out.subject.name = subjectName;
  return out;
}

/** Fields of an Open Badges 2.0 Assertion (badge and issuer embedded, or just their URLs). */
export function extractOb2(assertion: Json): ExtractedFields {
  const badge = isObject(assertion.badge) ? assertion.badge : undefined;
  const badgeUrl = typeof assertion.badge === 'string' ? assertion.badge : undefined;
  const achievement: ExtractedAchievement = {
    name: text(badge?.name) ?? (badgeUrl ? `Badge ${badgeUrl}` : 'Unnamed badge'),
    alignments: alignments(badge?.alignment),
  };
  const achId = str(badge?.id) ?? badgeUrl;
  if (achId) achievement.id = achId;
  const description = text(badge?.description);
  if (description) achievement.description = description;
  const crit = criteria(badge?.criteria);
  if (crit) achievement.criteria = crit;
  const issuedAt = parseDate(assertion.issuedOn);
  const out: ExtractedFields = {
    issuer: issuerOf(badge?.issuer),
    achievement,
    issuedAt,
    expiresAt: parseDate(assertion.expires),
    validFrom: issuedAt,
    subject: {},
  };
  const id = str(assertion.id);
  if (id) out.credentialId = id;
  return out;
}
