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
 * A pathway as a Mermaid `flowchart TD`, titled (front matter) with the job and the target when
 * given. Steps run in order: each step is linked to the one before it (and the start node to the
 * first), one node per step with its position, name, hours and cost and the score after it; a
 * step already held is marked held. Prerequisite edges ("prerequisite") and dotted "stacks into"
 * edges for components are added, from earlier steps or from grey nodes for held credentials the
 * steps build on; a stadium node per stack the steps complete. Node ids are generated (step1,
 * stack1, held1), never taken from credential ids.
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
  const stepNodes: string[] = [];
  steps.forEach((s) => {
    if (nodeOf.has(s.credentialId)) return;
    const id = `step${s.position}`;
    nodeOf.set(s.credentialId, id);
    stepNodes.push(id);
    const c = byId.get(s.credentialId);
    const effort = c && (c.hours !== undefined || c.cost !== undefined) ? `<br/>${formatAmount(c.hours ?? 0)} h, cost ${formatAmount(c.cost ?? 0)}` : '';
    const isHeld = held.has(s.credentialId);
    if (isHeld) heldNodes.push(id);
    nodeLines.push(`  ${id}["${escapeMermaidLabel(`${s.position}. ${name(s.credentialId)}`)}${isHeld ? ' (held)' : ''}${effort}<br/>score ${formatScore(s.projectedScore)}"]`);
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
  // step order first: start → step 1 → step 2 …
  const order: string[] = [];
  if (input.startScore !== undefined && stepNodes.length > 0) order.push(`  start --> ${stepNodes[0]}`);
  for (let i = 1; i < stepNodes.length; i++) order.push(`  ${stepNodes[i - 1]} --> ${stepNodes[i]}`);
  for (const credentialId of planned) {
    const target = nodeOf.get(credentialId) as string;
    const c = byId.get(credentialId);
    if (!c) continue;
    for (const p of c.prerequisiteIds) {
      const from = source(p);
      if (from) edges.push(`  ${from} -->|prerequisite| ${target}`);
    }
    for (const m of c.componentIds) {
      const from = source(m);
      if (from) edges.push(`  ${from} -.->|stacks into| ${target}`);
    }
  }

  const lines: string[] = [];
  if (input.title) lines.push('---', `title: "${frontMatterText(input.title)}"`, '---');
  lines.push('flowchart TD');
  if (input.startScore !== undefined) lines.push(`  start(["Start: score ${formatScore(input.startScore)}"])`);
  if (steps.length === 0 && input.startScore === undefined) lines.push('  empty["No steps"]');
  lines.push(...nodeLines, ...order, ...edges);
  lines.push('  classDef stack fill:#fff4d6,stroke:#b8860b');
  lines.push('  classDef held fill:#eeeeee,stroke:#999999,color:#555555');
  if (stackNodes.length > 0) lines.push(`  class ${stackNodes.join(',')} stack`);
  if (heldNodes.length > 0) lines.push(`  class ${heldNodes.join(',')} held`);
  return lines.join('\n');
}

/** Text for a double-quoted front-matter value: one line, no quotes or backslashes, at most 120 characters. */
function frontMatterText(text: string): string {
  const flat = Array.from(text, (ch) => (isControl(ch.codePointAt(0) as number) ? ' ' : ch === '"' || ch === '\\' ? "'" : ch)).join('');
  const chars = Array.from(flat.replace(/\s+/g, ' ').trim());
  return chars.length > 120 ? `${chars.slice(0, 119).join('')}\u2026` : chars.join('');
}

function formatAmount(x: number): string {
  return Number.isFinite(x) ? String(Math.round(x * 100) / 100) : '0';
}

/** C0 and C1 control characters and the Unicode line / paragraph separators. */
function isControl(code: number): boolean {
  return code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029;
}

function formatScore(score: number): string {
  return (Number.isFinite(score) ? score : 0).toFixed(2);
}
