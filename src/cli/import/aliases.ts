/**
 * Alias lists of imported rows. Imports only ever add aliases: the stored ones keep their order and
 * new ones are appended unless already present (case-insensitively) or equal to the name, so two
 * imports that feed the same skill (ESCO alt labels, an O*NET technology name) do not undo each
 * other, and re-running either changes nothing.
 */
export function mergeAliases(name: string, existing: readonly string[], incoming: readonly string[]): string[] {
  const folded = (s: string): string => s.trim().toLowerCase();
  const nameKey = folded(name);
  const seen = new Set<string>([nameKey]);
  const merged: string[] = [];
  for (const alias of existing) {
    const key = folded(alias);
    if (key === nameKey || key === '') continue;
    seen.add(key);
    merged.push(alias);
  }
  for (const raw of incoming) {
    const alias = raw.trim();
    const key = folded(alias);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    merged.push(alias);
  }
  return merged;
}

export function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
