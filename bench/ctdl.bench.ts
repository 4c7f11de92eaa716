/**
 * Benchmark of importCtdl on PostgreSQL: one CTDL JSON-LD document of 10,000 generated
 * credentials (fixed seed), imported into a scratch database seeded with the catalogue.
 *
 *   npm run bench:ctdl            (BENCH_DATABASE_URL / DATABASE_URL: the PostgreSQL server)
 *   node dist/bench/ctdl.bench.js [--credentials N]
 *
 * The document, in groups of ten: a ceterms:LearningProgram with three ceterms:Course parts (a
 * prerequisite chain of entry conditions, costs and durations on the courses only), two
 * ceterms:Badge, a ceterms:Certificate, a ceterms:Certification aligned with an ESCO occupation
 * and a ceterms:BachelorDegree; every resource names three ESCO skills by URI and one competency
 * by name. Reports the first import (all new), the second (every credential found again by CTID,
 * nothing rewritten), and the phases of the first: JSON parse + jsonld expansion, reading and
 * planning (pure), and the transaction. Baseline: the floor of the database work, inserting the
 * same 10,000 credential rows with one bulk insert and nothing else. Target: first import <= 30 s.
 */
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { toAppConfig } from '../src/config/app-config';
import { loadEnvironment } from '../src/config/environment';
import { standaloneCtdlImporter } from '../src/ctdl/ctdl-standalone';
import { expandCtdl } from '../src/ctdl/ctdl-jsonld';
import { buildDataSourceOptions } from '../src/database/data-source-options';
import { bulkInsert } from '../src/database/bulk-insert';
import { planCtdlImport } from '../src/domain/ctdl/ctdl-plan';
import { mayUseLegacyNamespaces, readCtdlDocument } from '../src/domain/ctdl/ctdl-reader';
import { SeedService } from '../src/seed/seed.service';
import { adminQuery, benchServerUrl, withDatabase } from './support/match-bench-db';

/* eslint-disable @typescript-eslint/no-require-imports */
const { xoroshiro128plus } = require('pure-rand/generator/xoroshiro128plus') as { xoroshiro128plus(seed: number): { next(): number } };
const { uniformInt } = require('pure-rand/distribution/uniformInt') as { uniformInt(rng: { next(): number }, from: number, to: number): number };
/* eslint-enable @typescript-eslint/no-require-imports */

const SEED = 20261208;
const DATABASE = 'skillstack_bench_ctdl';
const TARGET_MS = 30_000;

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const ctid = (n: number) => `ce-00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

/** The generated document (prefixed form, @graph) with `count` credentials. */
export function generateDocument(count: number, skillUris: readonly string[], skillNames: readonly string[], occupationUris: readonly string[]): string {
  const rng = xoroshiro128plus(SEED);
  const pick = <T>(xs: readonly T[]) => xs[uniformInt(rng, 0, xs.length - 1)];
  const graph: Record<string, unknown>[] = [
    { '@id': 'https://bench.example.org/org', '@type': 'ceterms:CredentialOrganization', 'ceterms:name': { en: 'Bench Institute' } },
  ];
  const iri = (n: number) => `https://bench.example.org/resources/${ctid(n)}`;
  const competencies = () => [
    ...[0, 1, 2].map(() => ({ '@type': 'ceterms:CredentialAlignmentObject', 'ceterms:targetNode': pick(skillUris), 'ceterms:weight': uniformInt(rng, 1, 5) / 5 })),
    { '@type': 'ceterms:CredentialAlignmentObject', 'ceterms:targetNodeName': { en: pick(skillNames) } },
  ];
  const base = (n: number, cls: string, name: string) => ({
    '@id': iri(n),
    '@type': `ceterms:${cls}`,
    'ceterms:ctid': ctid(n),
    'ceterms:name': { en: name, fr: `${name} (fr)` },
    'ceterms:ownedBy': ['https://bench.example.org/org'],
  });
  const costed = (hours: number, price: number) => ({
    'ceterms:estimatedDuration': [{ '@type': 'ceterms:DurationProfile', 'ceterms:exactDuration': `PT${hours}H` }],
    'ceterms:estimatedCost': [{ '@type': 'ceterms:CostProfile', 'ceterms:price': price, 'ceterms:currency': 'USD' }],
  });
  for (let n = 0; n < count; n++) {
    const slot = n % 10;
    const name = `Bench credential ${n}`;
    if (slot === 0) {
      graph.push({ ...base(n, 'LearningProgram', name), 'ceterms:hasPart': [iri(n + 1), iri(n + 2), iri(n + 3)], 'ceterms:teaches': competencies() });
    } else if (slot <= 3) {
      const course: Record<string, unknown> = { ...base(n, 'Course', name), ...costed(uniformInt(rng, 10, 60), uniformInt(rng, 0, 500)), 'ceterms:teaches': competencies() };
      if (slot > 1) course['ceterms:entryCondition'] = [{ '@type': 'ceterms:ConditionProfile', 'ceterms:targetLearningOpportunity': [iri(n - 1)] }];
      graph.push(course);
    } else {
      const cls = ['Badge', 'Badge', 'Certificate', 'Certification', 'BachelorDegree'][slot - 4] ?? 'Badge';
      const node: Record<string, unknown> = {
        ...base(n, cls, name),
        ...costed(uniformInt(rng, 5, 200), uniformInt(rng, 0, 2000)),
        'ceterms:requires': [{ '@type': 'ceterms:ConditionProfile', 'ceterms:targetCompetency': competencies() }],
      };
      if (cls === 'Certification') node['ceterms:occupationType'] = [{ '@type': 'ceterms:CredentialAlignmentObject', 'ceterms:targetNode': pick(occupationUris) }];
      if (cls === 'BachelorDegree') node['ceterms:creditValue'] = [{ '@type': 'schema:QuantitativeValue', 'schema:value': 180 }];
      graph.push(node);
    }
  }
  return JSON.stringify({ '@context': 'https://credreg.net/ctdl/schema/context/json', '@graph': graph });
}

async function main(): Promise<void> {
  const count = arg('credentials', 10_000);
  const server = benchServerUrl();
  await adminQuery(server, `DROP DATABASE IF EXISTS ${DATABASE}`);
  await adminQuery(server, `CREATE DATABASE ${DATABASE}`);
  const url = withDatabase(server, DATABASE);
  const config = toAppConfig(loadEnvironment({ ...process.env, DATABASE_URL: url }));
  const ds = new DataSource(buildDataSourceOptions(config.database));
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
    await new SeedService(ds, config).seed();
    const skills: { uri: string; name: string }[] = await ds.query(`SELECT external_uri AS uri, name FROM skill WHERE external_uri LIKE 'http://data.europa.eu/esco/skill/%' ORDER BY id`);
    const occupations: { uri: string }[] = await ds.query(`SELECT external_uri AS uri FROM occupation WHERE external_uri IS NOT NULL ORDER BY id`);
    const document = generateDocument(
      count,
      skills.map((s) => s.uri),
      skills.map((s) => s.name),
      occupations.map((o) => o.uri),
    );
    process.stdout.write(`document: ${count} credentials, ${(document.length / 1048576).toFixed(1)} MB\n`);

    let t0 = performance.now();
    const expanded = await expandCtdl(document);
    const expandMs = performance.now() - t0;
    t0 = performance.now();
    const doc = readCtdlDocument(expanded, { legacyNamespaces: mayUseLegacyNamespaces(document) });
    planCtdlImport(doc, () => null);
    const planMs = performance.now() - t0;

    const importer = await standaloneCtdlImporter(ds);
    t0 = performance.now();
    const first = await importer.import(document);
    const firstMs = performance.now() - t0;
    t0 = performance.now();
    const second = await importer.import(document);
    const secondMs = performance.now() - t0;
    const same = first.credentials.every((c, i) => c.id === second.credentials[i].id);
    const [{ edges }] = await ds.query(`SELECT (SELECT count(*) FROM credential_component) + (SELECT count(*) FROM credential_prerequisite) AS edges`);
    const [{ skillRows }] = await ds.query(`SELECT count(*)::int AS "skillRows" FROM credential_skill cs JOIN credential c ON c.id = cs.credential_id WHERE c.ce_ctid IS NOT NULL`);

    // baseline: the same number of bare credential rows, one bulk insert, in a transaction
    t0 = performance.now();
    await ds.transaction((m) =>
      bulkInsert(
        m,
        'credential',
        [
          { name: 'name', type: 'text', value: (i: number) => `Baseline ${i}` },
          { name: 'issuer', type: 'text', value: () => 'Baseline' },
          { name: 'type', type: 'text', value: () => 'BADGE' },
          { name: 'hours', type: 'float8', value: () => 1 },
          { name: 'cost', type: 'float8', value: () => 0 },
        ],
        Array.from({ length: count }, (_, i) => i),
      ),
    );
    const baselineMs = performance.now() - t0;

    const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    process.stdout.write(
      [
        `first import (all new):        ${s(firstMs)}  (${first.credentials.length} credentials, ${edges} part/prerequisite edges, ${skillRows} skill rows, ${first.warnings.length} warnings)  target <= ${s(TARGET_MS)}: ${firstMs <= TARGET_MS ? 'met' : 'NOT met'}`,
        `  of which parse + jsonld expand: ${s(expandMs)}, read + plan (pure): ${s(planMs)}`,
        `second import (idempotent):    ${s(secondMs)}  (same credentials: ${same})`,
        `baseline (bulk insert of ${count} bare rows): ${s(baselineMs)}`,
        '',
      ].join('\n'),
    );
    if (firstMs > TARGET_MS || !same) process.exitCode = 1;
  } finally {
    await ds.destroy();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}
