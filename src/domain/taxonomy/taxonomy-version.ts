import { createHash } from 'node:crypto';
import { SkillGraph } from './skill-graph';

/**
 * The taxonomy's version for the audit: a hash of everything in the graph that scoring reads (each
 * skill's id, category and effective half-life, and every step out of it: parents, children and
 * related skills with their weights), independent of insertion order. Equal graphs have equal
 * versions in every process; any change a ranking could feel changes it. 16 hex characters.
 */
export function taxonomyVersion(graph: SkillGraph): string {
  const hash = createHash('sha256');
  for (const id of graph.skillIds().sort()) {
    const skill = graph.skill(id)!;
    const steps: string[] = [];
    graph.forEachStep(id, (neighbor, kind, weight) => steps.push(`${kind}:${neighbor}:${weight}`));
    hash.update(`${id}|${skill.category}|${graph.halfLifeOf(id)}|${steps.sort().join(',')}\n`);
  }
  return hash.digest('hex').slice(0, 16);
}
