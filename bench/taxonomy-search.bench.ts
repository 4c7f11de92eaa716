/**
 * Developer benchmark of the skills search engine (src/domain/search).
 *
 *   npx tsc -p tsconfig.build.json   (or `npm run build`)
 *   node dist/bench/taxonomy-search.bench.js [skills.json]          default data/catalogue/skills.json
 *   node dist/bench/taxonomy-search.bench.js --esco <classification-en-csv.zip>
 *   add --verbose to list quality misses
 *
 * Reports: index build time, searchSkills p50/p95 over 1,000 queries, extractSkills p50 on a
 * generated 500-word posting, and search quality with a fixed seed (top-3 rate for 1,000 skills
 * searched by one alt label, and by their name with one random typo). The `--esco` mode reads
 * skills_en.csv straight from the ESCO zip; it is a developer convenience, never used by the app.
 */
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parse } from 'csv-parse/sync';
import * as yauzl from 'yauzl';
import type { uniformInt as UniformIntFn } from 'pure-rand/lib/distribution/uniformInt';
import type { xoroshiro128plus as Xoroshiro128plusFn } from 'pure-rand/lib/generator/xoroshiro128plus';
import { SkillSearchIndex } from '../src/domain/search/skill-search-index';
import { TextNormaliser } from '../src/domain/search/text-normaliser';
import type { SearchableSkill } from '../src/domain/search/search.types';

// pure-rand 8 only exposes subpath exports, which `moduleResolution: node` cannot type-check:
// types come from the files, values from the exported subpaths.
/* eslint-disable @typescript-eslint/no-require-imports */
const { xoroshiro128plus } = require('pure-rand/generator/xoroshiro128plus') as { xoroshiro128plus: typeof Xoroshiro128plusFn };
const { uniformInt } = require('pure-rand/distribution/uniformInt') as { uniformInt: typeof UniformIntFn };
/* eslint-enable @typescript-eslint/no-require-imports */

const SEED = 20240611;
const QUERY_COUNT = 1000;
const QUALITY_SAMPLE = 1000;
const POSTING_WORDS = 500;
const EXTRACT_RUNS = 50;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

type Rng = ReturnType<typeof Xoroshiro128plusFn>;

class BenchRandom {
  private readonly rng: Rng;
  constructor(seed: number) {
    this.rng = xoroshiro128plus(seed);
  }
  int(from: number, to: number): number {
    return uniformInt(this.rng, from, to);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)];
  }
  sample<T>(items: readonly T[], n: number): T[] {
    const copy = [...items];
    const count = Math.min(n, copy.length);
    for (let i = 0; i < count; i += 1) {
      const j = this.int(i, copy.length - 1);
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy.slice(0, count);
  }
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function ms(value: number): string {
  return `${value.toFixed(3)} ms`;
}

function pct(found: number, total: number): string {
  return `${((100 * found) / Math.max(total, 1)).toFixed(1)}% (${found}/${total})`;
}

async function readEscoZip(zipPath: string): Promise<SearchableSkill[]> {
  const csv = await new Promise<Buffer>((resolve, reject) => {
    yauzl.open(zipPath, { lazyEntries: true }, (openError, zip) => {
      if (openError || !zip) return reject(openError ?? new Error('cannot open zip'));
      zip.on('entry', (entry: yauzl.Entry) => {
        if (!/(^|\/)skills_en\.csv$/.test(entry.fileName)) return zip.readEntry();
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError ?? new Error('cannot read entry'));
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            zip.close();
            resolve(Buffer.concat(chunks));
          });
          stream.on('error', reject);
        });
      });
      zip.on('end', () => reject(new Error('skills_en.csv not found in zip')));
      zip.readEntry();
    });
  });
  const rows = parse(csv, { columns: true, skip_empty_lines: true }) as Array<Record<string, string>>;
  return rows.map((row) => ({
    id: row.conceptUri,
    name: row.preferredLabel,
    aliases: (row.altLabels ?? '').split('\n').map((a) => a.trim()).filter((a) => a.length > 0),
  }));
}

function readSkillsJson(path: string): SearchableSkill[] {
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  const list = Array.isArray(parsed) ? parsed : (parsed as { skills?: unknown[] }).skills;
  if (!Array.isArray(list)) throw new Error(`${path}: expected an array of skills`);
  return list.map((raw) => {
    const r = raw as { id: string; name: string; aliases?: string[] };
    return { id: String(r.id), name: r.name, aliases: r.aliases ?? [] };
  });
}

/** One random typo on a letter: insert, delete, substitute or transpose (never a no-op). */
function typo(random: BenchRandom, text: string): string {
  const letters = [...text].map((c, i) => (/[a-z]/i.test(c) ? i : -1)).filter((i) => i >= 0);
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const at = random.pick(letters);
    const letter = LETTERS[random.int(0, 25)];
    let out: string;
    switch (random.int(0, 3)) {
      case 0:
        out = text.slice(0, at) + letter + text.slice(at);
        break;
      case 1:
        out = text.slice(0, at) + text.slice(at + 1);
        break;
      case 2:
        out = text.slice(0, at) + letter + text.slice(at + 1);
        break;
      default:
        if (at + 1 >= text.length) continue;
        out = text.slice(0, at) + text[at + 1] + text[at] + text.slice(at + 2);
    }
    if (out.toLowerCase() !== text.toLowerCase()) return out;
  }
  return text.slice(1);
}

function topThree(index: SkillSearchIndex, query: string, skillId: string): boolean {
  return index.searchSkills(query, 3).some((hit) => hit.skillId === skillId);
}

const FILLER = (
  'we are looking for a motivated colleague to join our growing team in a fast paced environment ' +
  'you will work closely with stakeholders across the business and report to the head of department ' +
  'the role offers flexible hours a competitive salary and opportunities to learn and grow ' +
  'candidates should be able to communicate clearly take ownership and enjoy solving problems ' +
  'previous experience in a similar position is an advantage but not required'
).split(' ');

function posting(random: BenchRandom, skills: readonly SearchableSkill[], words: number): { text: string; inserted: string[] } {
  const out: string[] = [];
  const inserted: string[] = [];
  while (out.length < words) {
    if (random.int(0, 9) === 0) {
      const skill = random.pick(skills);
      const labels = [skill.name, ...skill.aliases];
      const label = random.pick(labels);
      out.push(...label.split(/\s+/));
      inserted.push(skill.id);
      out.push(random.int(0, 1) === 0 ? 'and' : 'or');
    } else {
      out.push(random.pick(FILLER));
    }
    if (random.int(0, 14) === 0) out[out.length - 1] += '.';
  }
  return { text: out.slice(0, words).join(' '), inserted };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const escoAt = args.indexOf('--esco');
  const positional = args.filter((a, i) => !a.startsWith('--') && (escoAt < 0 || i !== escoAt + 1));
  const source = escoAt >= 0 ? args[escoAt + 1] : (positional[0] ?? 'data/catalogue/skills.json');
  if (source === undefined) throw new Error('usage: taxonomy-search.bench.js [skills.json] | --esco <zip>');
  const skills = escoAt >= 0 ? await readEscoZip(source) : readSkillsJson(source);
  const aliasCount = skills.reduce((n, s) => n + s.aliases.length, 0);
  console.log(`source: ${source}`);
  console.log(`machine: ${cpus().length} CPUs, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} (wall-clock figures inflate under load)`);
  console.log(`skills: ${skills.length}, aliases: ${aliasCount}`);

  // Build.
  const heapBefore = process.memoryUsage().heapUsed;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const index = new SkillSearchIndex(skills);
  const buildMs = performance.now() - t0;
  const buildCpu = process.cpuUsage(cpu0);
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1048576;
  console.log(`build: ${ms(buildMs)} (process CPU ${ms((buildCpu.user + buildCpu.system) / 1000)}, heap +${heapMb.toFixed(0)} MB)`);

  // Incremental updates.
  const probe = skills[Math.floor(skills.length / 2)];
  const tu = performance.now();
  for (let i = 0; i < 100; i += 1) {
    index.remove(probe.id);
    index.upsert(probe);
  }
  console.log(`remove+upsert one skill: ${ms((performance.now() - tu) / 100)}`);

  // Latency: 1,000 queries, a quarter each of names, aliases, prefixes and typo'd names.
  const random = new BenchRandom(SEED);
  const queryKinds = ['name', 'alias', 'prefix', 'typo'] as const;
  const queries: Array<{ kind: (typeof queryKinds)[number]; text: string; skillId: string }> = [];
  for (let i = 0; i < QUERY_COUNT; i += 1) {
    const skill = random.pick(skills);
    const kind = queryKinds[i % 4];
    const text =
      kind === 'name'
        ? skill.name
        : kind === 'alias'
          ? skill.aliases.length > 0
            ? random.pick(skill.aliases)
            : skill.name
          : kind === 'prefix'
            ? skill.name.slice(0, random.int(3, Math.max(3, Math.min(12, skill.name.length))))
            : skill.name.length >= 4
              ? typo(random, skill.name)
              : skill.name;
    queries.push({ kind, text, skillId: skill.id });
  }
  for (const q of queries.slice(0, 200)) index.searchSkills(q.text, 10); // warm-up
  const times: number[] = [];
  const cpuTimes: number[] = [];
  const timesByKind = new Map<string, number[]>();
  for (const q of queries) {
    const cpu = process.cpuUsage();
    const t = performance.now();
    index.searchSkills(q.text, 10);
    const dt = performance.now() - t;
    const used = process.cpuUsage(cpu);
    times.push(dt);
    cpuTimes.push((used.user + used.system) / 1000);
    const list = timesByKind.get(q.kind) ?? [];
    list.push(dt);
    timesByKind.set(q.kind, list);
  }
  console.log(`searchSkills(first=10) over ${QUERY_COUNT} queries: p50 ${ms(percentile(times, 50))}, p95 ${ms(percentile(times, 95))}, max ${ms(Math.max(...times))}`);
  console.log(`  (process CPU time per query: p50 ${ms(percentile(cpuTimes, 50))}, p95 ${ms(percentile(cpuTimes, 95))})`);
  for (const [kind, list] of timesByKind) {
    console.log(`  ${kind.padEnd(6)} p50 ${ms(percentile(list, 50))}, p95 ${ms(percentile(list, 95))}`);
  }

  // Batch resolution of the same 1,000 texts in one call.
  const tr = performance.now();
  const resolved = index.resolveSkills(queries.map((q) => q.text));
  const resolveMs = performance.now() - tr;
  console.log(`resolveSkills(${QUERY_COUNT} texts, one call): ${ms(resolveMs)}`);
  for (const kind of queryKinds) {
    const own = resolved.filter((_, i) => queries[i].kind === kind);
    const right = resolved.filter((r, i) => queries[i].kind === kind && r.hit?.skillId === queries[i].skillId).length;
    const some = own.filter((r) => r.hit !== null).length;
    console.log(`  ${kind.padEnd(6)} resolved ${pct(some, own.length)}, to the source skill ${pct(right, own.length)}`);
  }

  // Extraction on generated 500-word postings.
  const postingRandom = new BenchRandom(SEED + 1);
  const extractTimes: number[] = [];
  let inserted = 0;
  let recovered = 0;
  let extracted = 0;
  const extractCpu: number[] = [];
  for (let run = 0; run < EXTRACT_RUNS + 5; run += 1) {
    const { text, inserted: ids } = posting(postingRandom, skills, POSTING_WORDS);
    const cpu = process.cpuUsage();
    const t = performance.now();
    const hits = index.extractSkills(text);
    const dt = performance.now() - t;
    const used = process.cpuUsage(cpu);
    if (run < 5) continue; // warm-up
    extractTimes.push(dt);
    extractCpu.push((used.user + used.system) / 1000);
    const found = new Set(hits.map((h) => h.skillId));
    const unique = new Set(ids);
    inserted += unique.size;
    recovered += [...unique].filter((id) => found.has(id)).length;
    extracted += hits.length;
  }
  console.log(
    `extractSkills on a ${POSTING_WORDS}-word posting: p50 ${ms(percentile(extractTimes, 50))}, p95 ${ms(percentile(extractTimes, 95))}` +
      ` (avg ${(extracted / EXTRACT_RUNS).toFixed(1)} skills/posting; inserted skill recovered ${pct(recovered, inserted)})`,
  );
  console.log(`  (process CPU time per posting: p50 ${ms(percentile(extractCpu, 50))})`);

  // Quality: alt label → top 3; name with one typo → top 3.
  const qualityRandom = new BenchRandom(SEED + 2);
  const withAlias = skills.filter((s) =>
    s.aliases.some((a) => TextNormaliser.normalise(a) !== TextNormaliser.normalise(s.name) && TextNormaliser.normalise(a) !== ''),
  );
  let aliasFound = 0;
  const aliasMisses: string[] = [];
  const aliasSample = qualityRandom.sample(withAlias, QUALITY_SAMPLE);
  for (const skill of aliasSample) {
    const alias = qualityRandom.pick(skill.aliases.filter((a) => TextNormaliser.normalise(a) !== TextNormaliser.normalise(skill.name)));
    if (topThree(index, alias, skill.id)) aliasFound += 1;
    else aliasMisses.push(`${alias} → ${skill.name}`);
  }
  console.log(`quality: alt label → skill in top 3: ${pct(aliasFound, aliasSample.length)}`);
  const typoable = skills.filter((s) => s.name.replace(/[^a-z]/gi, '').length >= 5);
  let typoFound = 0;
  const typoMisses: string[] = [];
  const typoSample = qualityRandom.sample(typoable, QUALITY_SAMPLE);
  for (const skill of typoSample) {
    const query = typo(qualityRandom, skill.name);
    if (topThree(index, query, skill.id)) typoFound += 1;
    else typoMisses.push(`${query} → ${skill.name}`);
  }
  console.log(`quality: name with one typo → skill in top 3: ${pct(typoFound, typoSample.length)} (names with ≥ 5 letters: ${typoable.length}/${skills.length})`);
  if (args.includes('--verbose')) {
    console.log('alias misses:', aliasMisses.slice(0, 30));
    console.log('typo misses:', typoMisses.slice(0, 30));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
