import {
  CredentialRenewal,
  LapsedSkill,
  PathwayObjective,
  RenewalOption,
  RenewalsInput,
  RenewalsResult,
  SkillRenewal,
} from './pathway.types';
import { PathwayProjection } from './projection';

/** Average Gregorian month, as in the evidence-strength formula. */
const MONTH_MS = 30.436875 * 24 * 60 * 60 * 1000;

/**
 * What will lapse within the horizon, and the cheapest way to renew each.
 *
 * Skills: per skill, the strongest evidence now (an item counts nothing once its credential has
 * expired) is at least the useful level, and the strongest evidence at the horizon end (decayed,
 * and 0 when its credential expires by then) is below it. Reason EXPIRY when decay alone would
 * have kept it useful, DECAY otherwise. fallsBelowAt = the latest moment any item is still
 * useful (item: the earlier of its expiry and its decay crossing asOf + halfLife·log2(now/useful));
 * null when an item's half-life is unknown. Skills already below the useful level are gaps, not
 * renewals, and are left out.
 * Renewal of a skill: a credential teaching it at level ≥ the useful level (fresh evidence has
 * strength = level).
 *
 * Lapsed skills: below the useful level now (expiry applied), but useful at some moment of the last
 * horizon [asOf − horizon, asOf): an item was useful from its date until the earlier of its expiry and
 * its decay crossing evidencedAt + halfLife·log2(fresh / useful). fellBelowAt = the latest such end;
 * strengthThen = its strongest strength in the window; reason EXPIRY when decay alone would keep it
 * useful now. Items need `freshStrength`, `evidencedAt` and `halfLifeMonths`. Renewal as for skills.
 *
 * Credentials: held credentials expiring in (asOf, asOf + horizon]. Renewal: the credential
 * itself (re-earned), or any credential teaching all its skills at the same levels or higher.
 *
 * "Least cost": by cost, then hours, then id (minimize HOURS: by hours, then cost, then id),
 * counting missing prerequisites (and components of a capstone). Free stacks (no hours, no
 * cost of their own) are never options: they are earned through their components.
 */
export function findRenewals(input: RenewalsInput): RenewalsResult {
  const asOf = input.asOf.getTime();
  const horizonEnd = asOf + input.horizonMonths * MONTH_MS;
  const useful = input.usefulLevel;
  const objective: PathwayObjective = input.minimize ?? 'COST';

  const heldNow = input.held.filter((h) => !h.expiresAt || h.expiresAt.getTime() > asOf).map((h) => h.credentialId);
  const heldSet = new Set(heldNow);
  const projection = new PathwayProjection({
    requirements: [],
    credentials: input.catalogue.map((c) => ({ ...c, name: c.name ?? c.id, contributions: [] })),
    heldCredentialIds: heldNow,
  });
  const options = new Map<string, RenewalOption>();
  const optionFor = (id: string): RenewalOption | null => {
    if (options.has(id)) return options.get(id) as RenewalOption;
    if (!projection.has(id) || projection.isFreeStack(id)) return null;
    const bundle = heldSet.has(id) || projection.held.has(id) ? [id] : projection.bundle(id, [], objective);
    if (!bundle || bundle.length === 0) return null;
    const t = projection.totals(bundle);
    const option: RenewalOption = {
      credentialId: id,
      hours: t.hours,
      cost: t.cost,
      prerequisitesMissingIds: projection.orderSteps(bundle, objective).filter((x) => x !== id),
    };
    options.set(id, option);
    return option;
  };
  const cheapest = (ids: readonly string[]): RenewalOption | null => {
    let best: RenewalOption | null = null;
    for (const id of ids) {
      const o = optionFor(id);
      if (o && (!best || compareOptions(o, best, objective) < 0)) best = o;
    }
    return best;
  };
  const teaching = (skillId: string, level: number): string[] =>
    input.catalogue.filter((c) => c.skills.some((s) => s.skillId === skillId && s.level >= level)).map((c) => c.id);

  // ---------------------------------------------------------------- skills
  const bySkill = new Map<string, typeof input.evidence[number][]>();
  for (const e of input.evidence) {
    const list = bySkill.get(e.skillId);
    if (list) list.push(e);
    else bySkill.set(e.skillId, [e]);
  }
  const skills: SkillRenewal[] = [];
  for (const [skillId, items] of bySkill) {
    let now = 0;
    let atHorizon = 0;
    let decayOnly = 0;
    let strongest: (typeof items)[number] | null = null;
    let fallsBelow: number | null = asOf;
    for (const e of items) {
      const expiry = e.expiresAt ? e.expiresAt.getTime() : Infinity;
      if (expiry <= asOf) continue;
      const n = Math.max(0, e.strengthNow);
      const h = Math.max(0, e.strengthAtHorizon);
      if (n > now) {
        now = n;
        strongest = e;
      }
      if (expiry > horizonEnd) atHorizon = Math.max(atHorizon, h);
      decayOnly = Math.max(decayOnly, h);
      if (n >= useful && fallsBelow !== null) {
        const crossing = e.halfLifeMonths && e.halfLifeMonths > 0 ? asOf + e.halfLifeMonths * Math.log2(n / Math.max(useful, 1e-12)) * MONTH_MS : null;
        const until = crossing === null ? (expiry <= horizonEnd ? expiry : null) : Math.min(crossing, expiry);
        fallsBelow = until === null ? null : Math.max(fallsBelow, until);
      }
    }
    if (now < useful || atHorizon >= useful) continue;
    skills.push({
      skillId,
      strengthNow: now,
      strengthAtHorizon: atHorizon,
      reason: decayOnly >= useful ? 'EXPIRY' : 'DECAY',
      fallsBelowAt: fallsBelow === null ? null : new Date(fallsBelow),
      credentialId: strongest?.credentialId ?? null,
      renewal: cheapest(teaching(skillId, Math.max(1, Math.ceil(useful)))),
    });
  }
  skills.sort(
    (a, b) =>
      (a.fallsBelowAt?.getTime() ?? Infinity) - (b.fallsBelowAt?.getTime() ?? Infinity) || (a.skillId < b.skillId ? -1 : a.skillId > b.skillId ? 1 : 0),
  );

  // ---------------------------------------------------------------- lapsed skills
  const windowStart = asOf - input.horizonMonths * MONTH_MS;
  const lapsed: LapsedSkill[] = [];
  for (const [skillId, items] of bySkill) {
    let now = 0;
    let decayOnlyNow = 0;
    let then = 0;
    let fell = -Infinity;
    let unknown = false;
    let behind: (typeof items)[number] | null = null;
    for (const e of items) {
      const expiry = e.expiresAt ? e.expiresAt.getTime() : Infinity;
      if (expiry > asOf) now = Math.max(now, Math.max(0, e.strengthNow));
      decayOnlyNow = Math.max(decayOnlyNow, Math.max(0, e.strengthNow));
      const fresh = e.freshStrength ?? 0;
      const evMs = e.evidencedAt ? e.evidencedAt.getTime() : NaN;
      const hl = e.halfLifeMonths ?? 0;
      if (!(fresh >= useful) || !(evMs < asOf)) continue;
      if (!(hl > 0)) {
        unknown = true;
        continue;
      }
      const until = Math.min(expiry, evMs + hl * Math.log2(fresh / useful) * MONTH_MS);
      if (!(until > windowStart)) continue;
      const from = Math.max(windowStart, evMs);
      const strength = fresh * 0.5 ** ((from - evMs) / MONTH_MS / hl);
      then = Math.max(then, strength);
      if (until > fell) {
        fell = until;
        behind = e;
      }
    }
    if (now >= useful || behind === null) continue;
    lapsed.push({
      skillId,
      strengthThen: then,
      strengthNow: now,
      reason: decayOnlyNow >= useful ? 'EXPIRY' : 'DECAY',
      fellBelowAt: unknown ? null : new Date(Math.min(fell, asOf)),
      credentialId: behind.credentialId ?? null,
      renewal: cheapest(teaching(skillId, Math.max(1, Math.ceil(useful)))),
    });
  }
  lapsed.sort(
    (a, b) =>
      (b.fellBelowAt?.getTime() ?? -Infinity) - (a.fellBelowAt?.getTime() ?? -Infinity) || (a.skillId < b.skillId ? -1 : a.skillId > b.skillId ? 1 : 0),
  );

  // ---------------------------------------------------------------- credentials
  const catalogueById = new Map(input.catalogue.map((c) => [c.id, c]));
  const credentials: CredentialRenewal[] = [];
  for (const h of input.held) {
    if (!h.expiresAt) continue;
    const t = h.expiresAt.getTime();
    if (t <= asOf || t > horizonEnd) continue;
    const c = catalogueById.get(h.credentialId);
    const candidates = c
      ? input.catalogue
          .filter((o) => o.id === c.id || (c.skills.length > 0 && c.skills.every((s) => o.skills.some((x) => x.skillId === s.skillId && x.level >= s.level))))
          .map((o) => o.id)
      : [];
    credentials.push({ credentialId: h.credentialId, expiresAt: h.expiresAt, renewal: cheapest(candidates) });
  }
  credentials.sort(
    (a, b) => a.expiresAt.getTime() - b.expiresAt.getTime() || (a.credentialId < b.credentialId ? -1 : a.credentialId > b.credentialId ? 1 : 0),
  );
  return { skills, lapsed, credentials };
}

function compareOptions(a: RenewalOption, b: RenewalOption, objective: PathwayObjective): number {
  const primary = objective === 'COST' ? a.cost - b.cost : a.hours - b.hours;
  const secondary = objective === 'COST' ? a.hours - b.hours : a.cost - b.cost;
  return primary || secondary || (a.credentialId < b.credentialId ? -1 : a.credentialId > b.credentialId ? 1 : 0);
}
