import { MermaidCredential, MermaidInput } from './pathway.types';

const SAFE_CHAR = /^[A-Za-z0-9 .,:_-]$/;

/**
 * Makes arbitrary text safe inside a quoted Mermaid label (`id["..."]`): control characters and
 * line breaks become spaces, the text is cut to `maxLength` characters, and every character
 * outside [A-Za-z0-9 .,:_-] becomes a Mermaid entity code (`#34;` for `"`), so quotes,
 * brackets, pipes, semicolons, `%%`, `<`, `>`, `#` and non-ASCII text cannot break the chart.
 */
export function escapeMermaidLabel(text: string, maxLength = 80): string {
  const printable = Array.from(text, (ch) => (isControl(ch.codePointAt(0) as number) ? ' ' : ch)).join('');
  let chars = Array.from(printable.replace(/\s+/g, ' ').trim());
  if (chars.length > maxLength) chars = [...chars.slice(0, Math.max(1, maxLength - 1)), '\u2026'];
  return chars.map((ch) => (SAFE_CHAR.test(ch) ? ch : `#${ch.codePointAt(0) as number};`)).join('');
}

/**
 * A pathway as a Mermaid `flowchart TD`: one node per step (position, name, score after the step),
 * a stadium node per stack the steps complete, grey nodes for held credentials the steps build
 * on; solid edges for prerequisites, dotted "stacks into" edges for components. Node ids are
 * generated (step1, stack1, held1), never taken from credential ids.
 */
export function pathwayMermaid(input: MermaidInput): string {
  const byId = new Map<string, MermaidCredential>(input.credentials.map((c) => [c.id, c]));
  const held = new Set(input.heldCredentialIds ?? []);
  const name = (id: string): string => byId.get(id)?.name ?? id;
  const steps = [...input.steps].sort((a, b) => a.position - b.position);

  const nodeOf = new Map<string, string>();
  const nodeLines: string[] = [];
  const stackNodes: string[] = [];
  const heldNodes: string[] = [];
  steps.forEach((s) => {
    if (nodeOf.has(s.credentialId)) return;
    const id = `step${s.position}`;
    nodeOf.set(s.credentialId, id);
    nodeLines.push(`  ${id}["${escapeMermaidLabel(`${s.position}. ${name(s.credentialId)}`)}<br/>score ${formatScore(s.projectedScore)}"]`);
  });
  for (const s of steps) {
    for (const stack of s.earnsStackIds) {
      if (nodeOf.has(stack)) continue;
      const id = `stack${stackNodes.length + 1}`;
      nodeOf.set(stack, id);
      stackNodes.push(id);
      nodeLines.push(`  ${id}(["${escapeMermaidLabel(name(stack))}<br/>stack earned at step ${s.position}"])`);
    }
  }

  const planned = [...nodeOf.keys()];
  const edges: string[] = [];
  const hasIncoming = new Set<string>();
  const source = (credentialId: string): string | null => {
    const existing = nodeOf.get(credentialId);
    if (existing) return existing;
    if (!held.has(credentialId)) return null;
    const id = `held${heldNodes.length + 1}`;
    nodeOf.set(credentialId, id);
    heldNodes.push(id);
    nodeLines.push(`  ${id}["${escapeMermaidLabel(name(credentialId))}<br/>held"]`);
    return id;
  };
  for (const credentialId of planned) {
    const target = nodeOf.get(credentialId) as string;
    const c = byId.get(credentialId);
    if (!c) continue;
    for (const p of c.prerequisiteIds) {
      const from = source(p);
      if (!from) continue;
      edges.push(`  ${from} --> ${target}`);
      hasIncoming.add(target);
    }
    for (const m of c.componentIds) {
      const from = source(m);
      if (!from) continue;
      edges.push(`  ${from} -.->|stacks into| ${target}`);
      hasIncoming.add(target);
    }
  }

  const lines = ['flowchart TD'];
  if (input.startScore !== undefined) lines.push(`  start(["Start: score ${formatScore(input.startScore)}"])`);
  if (steps.length === 0 && input.startScore === undefined) lines.push('  empty["No steps"]');
  lines.push(...nodeLines);
  if (input.startScore !== undefined) {
    for (const s of steps) {
      const id = nodeOf.get(s.credentialId) as string;
      if (id === `step${s.position}` && !hasIncoming.has(id)) lines.push(`  start --> ${id}`);
    }
  }
  lines.push(...edges);
  lines.push('  classDef stack fill:#fff4d6,stroke:#b8860b');
  lines.push('  classDef held fill:#eeeeee,stroke:#999999,color:#555555');
  if (stackNodes.length > 0) lines.push(`  class ${stackNodes.join(',')} stack`);
  if (heldNodes.length > 0) lines.push(`  class ${heldNodes.join(',')} held`);
  return lines.join('\n');
}

/** C0 and C1 control characters and the Unicode line / paragraph separators. */
function isControl(code: number): boolean {
  return code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029;
}

function formatScore(score: number): string {
  return (Number.isFinite(score) ? score : 0).toFixed(2);
}
