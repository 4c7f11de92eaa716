/** Plain sentences for a match, written by the console while the server's own (pending.ts) are not served. */
export interface RequirementLike {
  coverage: number;
  via: string;
  decay: number;
  strength: number;
  evidencedAt?: string | null;
  reason?: string | null;
  matchedSkill?: { name: string } | null;
  credential?: { name: string } | null;
  requirement: { level: number; mandatory: boolean; weight: number; skill: { name: string } };
}

export const pct = (x: number): string => `${Math.round(x * 100)}%`;
const month = (iso?: string | null): string => (iso ? iso.slice(0, 7) : 'undated');

const VIA: Record<string, string> = {
  EXACT: 'Exact skill',
  BROADER: 'Broader skill',
  NARROWER: 'Narrower skill',
  RELATED: 'Related skill',
};

export function requirementReason(r: RequirementLike): string {
  if (r.reason) return r.reason;
  const target = `${r.requirement.skill.name} at level ${r.requirement.level}`;
  if (r.via === 'NONE' || !r.matchedSkill) return `No evidence for ${target}${r.requirement.mandatory ? ' (mandatory)' : ''}.`;
  const from = r.credential ? `, from ${r.credential.name}` : '';
  return `${VIA[r.via] ?? r.via} ${r.matchedSkill.name} (${month(r.evidencedAt)}, ${pct(r.decay)} fresh${from}) counts ${r.coverage.toFixed(2)} towards ${target}.`;
}

export function matchSummary(m: { summary?: string | null; meetsMandatory: boolean; requirements: RequirementLike[] }): string {
  if (m.summary) return m.summary;
  const full = m.requirements.filter((r) => r.coverage >= 0.999).length;
  const exact = m.requirements.filter((r) => r.via === 'EXACT').length;
  const gaps = [...m.requirements].sort((a, b) => a.coverage * a.requirement.weight - b.coverage * b.requirement.weight);
  const largest = gaps[0] && gaps[0].coverage < 0.999 ? ` Largest gap: ${gaps[0].requirement.skill.name} (${pct(gaps[0].coverage)} covered).` : '';
  const mandatory = m.meetsMandatory ? 'Meets every mandatory requirement' : 'Misses a mandatory requirement';
  return `${mandatory}; ${full} of ${m.requirements.length} requirements fully covered, ${exact} by exact evidence.${largest}`;
}
