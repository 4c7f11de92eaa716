import { GraphQLSchemaHost } from '@nestjs/graphql';
import * as fc from 'fast-check';
import {
  getNamedType,
  GraphQLArgument,
  GraphQLInputType,
  GraphQLSchema,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';
import { Role } from '../src/auth/role.enum';
import { GqlResult, ok, startTestApp, TestApp } from './support/test-app';

/**
 * A generated property test: every argument of every root operation, derived from the served
 * schema, gets hostile values (odd text, lone surrogates, NUL, huge and negative numbers, dates
 * far outside any calendar, malformed ids next to real ones), sent by every role. No response
 * may be a 500 or an INTERNAL_SERVER_ERROR, and a call that fails writes nothing.
 *
 * FUZZ_RUNS sets the cases per operation (default 20); FUZZ_SEED the seed (default 16).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 20);
const SEED = Number(process.env.FUZZ_SEED ?? 16);

const HOSTILE_TEXT = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udc00y',
  '\udc00\ud800',
  "'; DROP TABLE candidate; --",
  "Robert'); DELETE FROM skill_evidence WHERE ('1'='1",
  '%_\\',
  '{"$where": "1"}',
  'null',
  '-1',
  'NaN',
  '1e309',
  '😀𝔘',
  '\u202eevil',
  '<script>alert(1)</script>',
  '0000-01-01T00:00:00Z',
  'http://data.europa.eu/esco/skill/',
  'did:web:example.org#key-1',
  'x'.repeat(5000),
  '00000000-0000-0000-0000-000000000000',
  '82E411D0-2065-57CA-ABD0-2B37712EFE88',
];

const HOSTILE_DATES = [
  '-271821-04-20T00:00:00Z',
  '+275760-09-13T00:00:00Z',
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '1899-12-31T23:59:59Z',
  '2200-12-31T23:59:59Z',
  '1900-01-01T00:00:00Z',
  '2024-02-30T00:00:00Z',
  '2025-01-01',
  'not a date',
  '',
  '1970-01-01T00:00:00Z',
];

interface Pools {
  ids: string[];
  candidates: string[];
  /** real ids by the argument names that take them (jobId, candidateId, skillId, …) */
  byName: [RegExp, string[]][];
}

const text = (): fc.Arbitrary<string> => fc.oneof(fc.constantFrom(...HOSTILE_TEXT), fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 }));

/** Hostile values of a scalar. */
function hostileScalar(name: string, pools: Pools): fc.Arbitrary<unknown> {
  switch (name) {
    case 'ID':
      return fc.oneof({ weight: 1, arbitrary: fc.constantFrom(...pools.ids) }, { weight: 1, arbitrary: fc.uuid() }, { weight: 3, arbitrary: text() });
    case 'String':
      return text();
    case 'Int':
      return fc.oneof(fc.integer(), fc.constantFrom(0, -1, 101, 2147483647, -2147483648));
    case 'Float':
      return fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(-0, -0.1, 1.0000001, 1e308, -1e308, 5e-324));
    case 'Boolean':
      return fc.boolean();
    case 'DateTime':
      return fc.oneof(fc.constantFrom(...HOSTILE_DATES), fc.date({ min: new Date(-8.64e15), max: new Date(8.64e15), noInvalidDate: true }).map((d) => d.toISOString()));
    default:
      return fc.oneof(text(), fc.integer(), fc.boolean());
  }
}

/** Values of a scalar that get past the first checks, so the hostile ones next to them reach deeper. */
function plausibleScalar(name: string, field: string, pools: Pools): fc.Arbitrary<unknown> {
  switch (name) {
    case 'ID': {
      const pool = pools.byName.find(([pattern]) => pattern.test(field))?.[1] ?? pools.ids;
      return fc.constantFrom(...pool);
    }
    case 'String':
      return fc.oneof(fc.constantFrom('Fuzz text', 'ICT accessibility standards and teamwork', 'did:web:fuzz.example#key-1'), fc.string({ minLength: 1, maxLength: 20 }));
    case 'Int':
      return fc.integer({ min: 1, max: 20 });
    case 'Float':
      return fc.double({ min: 0, max: 1, noNaN: true });
    case 'Boolean':
      return fc.boolean();
    case 'DateTime':
      return fc.date({ min: new Date('2015-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
    default:
      return fc.constant(null);
  }
}

/** Values of a GraphQL input type: each value plausible or hostile (one in five), nested fields too. */
function arbitraryFor(wrapped: GraphQLInputType, field: string, pools: Pools, depth = 0): fc.Arbitrary<unknown> {
  const type = isNonNullType(wrapped) ? wrapped.ofType : wrapped;
  const inner = ((): fc.Arbitrary<unknown> => {
    if (isListType(type)) return fc.array(arbitraryFor(type.ofType, field, pools, depth + 1), { maxLength: depth > 1 ? 2 : 4 });
    if (isEnumType(type)) return fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...type.getValues().map((v) => v.name)) }, { weight: 1, arbitrary: text() });
    if (isInputObjectType(type)) {
      const fields = Object.values(type.getFields());
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const f of fields) model[f.name] = arbitraryFor(f.type, f.name, pools, depth + 1);
      return fc.record(model, { requiredKeys: fields.filter((f) => isNonNullType(f.type)).map((f) => f.name) });
    }
    if (isScalarType(type)) return fc.oneof({ weight: 4, arbitrary: plausibleScalar(type.name, field, pools) }, { weight: 1, arbitrary: hostileScalar(type.name, pools) });
    return fc.constant(null);
  })();
  return isNonNullType(wrapped) ? inner : fc.option(inner, { nil: null, freq: 4 });
}

const typeText = (arg: GraphQLArgument): string => arg.type.toString();

/** `query Fuzz($a: T, …) { field(a: $a, …) { __typename } }` for a root field. */
function operationText(kind: 'query' | 'mutation', name: string, args: readonly GraphQLArgument[], returnsObject: boolean): string {
  const defs = args.map((a) => `$${a.name}: ${typeText(a)}`).join(', ');
  const call = args.map((a) => `${a.name}: $${a.name}`).join(', ');
  return `${kind} Fuzz${defs ? `(${defs})` : ''} { ${name}${call ? `(${call})` : ''}${returnsObject ? ' { __typename }' : ''} }`;
}

describe('fuzzing every argument of every operation', () => {
  let t: TestApp;
  let schema: GraphQLSchema;
  let pools: Pools;
  let fingerprintSql: string;
  let cases = 0;

  beforeAll(async () => {
    t = await startTestApp();
    schema = t.app.get(GraphQLSchemaHost).schema;
    const ids = async (query: string, key: string) => ok(await t.gql(query))[key].edges.map((e: any) => e.node.id) as string[];
    const candidates = await ids('{ candidates(first: 4) { edges { node { id } } } }', 'candidates');
    const jobs = await ids('{ jobs(first: 3) { edges { node { id } } } }', 'jobs');
    ok(await t.gql(`query($j: ID!) { rankCandidates(jobId: $j, first: 2) { totalCount } }`, { j: jobs[0] }));
    const skills = await ids('{ skills(first: 3) { edges { node { id } } } }', 'skills');
    const credentials = await ids('{ credentials(first: 3) { edges { node { id } } } }', 'credentials');
    const occupations = await ids('{ occupations(first: 2) { edges { node { id } } } }', 'occupations');
    const pathways = ((await t.dataSource.query(`SELECT id FROM pathway LIMIT 2`)) as { id: string }[]).map((r) => r.id);
    const audits = ((await t.dataSource.query(`SELECT id FROM ranking_audit LIMIT 1`)) as { id: string }[]).map((r) => r.id);
    const all = [...candidates, ...jobs, ...skills, ...credentials, ...occupations, ...pathways, ...audits];
    pools = {
      candidates,
      ids: all,
      byName: [
        [/^jobId$/, jobs],
        [/^candidateId$/, candidates],
        [/skillId|broaderIds|relatedIds/, skills],
        [/credentialId|prerequisiteIds|componentIds/, credentials],
        [/^occupationId$/, occupations],
        [/^auditId$/, audits],
      ],
    };
    // every table's row count, and its latest change where it records one
    const tables: { table_name: string; has_updated: boolean }[] = await t.dataSource.query(
      `SELECT t.table_name, EXISTS (SELECT 1 FROM information_schema.columns c WHERE c.table_schema = 'public' AND c.table_name = t.table_name AND c.column_name = 'updated_at') AS has_updated
         FROM information_schema.tables t WHERE t.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND t.table_name <> 'migrations' ORDER BY t.table_name`,
    );
    fingerprintSql = `SELECT ${tables
      .map((r) => `(SELECT count(*) FROM "${r.table_name}")::text${r.has_updated ? ` || '/' || coalesce((SELECT max(updated_at) FROM "${r.table_name}")::text, '')` : ''} AS "${r.table_name}"`)
      .join(', ')}`;
  });
  afterAll(async () => {
    process.stdout.write(`fuzz: ${cases} cases (${RUNS} per operation, seed ${SEED})\n`);
    await t.close();
  });

  const fingerprint = async (): Promise<Record<string, string>> => (await t.dataSource.query(fingerprintSql))[0];

  const operations = (): { kind: 'query' | 'mutation'; name: string; args: readonly GraphQLArgument[]; returnsObject: boolean }[] =>
    (['Query', 'Mutation'] as const).flatMap((typeName) => {
      const type = schema.getType(typeName);
      if (!isObjectType(type)) return [];
      return Object.values(type.getFields()).map((f) => ({
        kind: typeName === 'Query' ? ('query' as const) : ('mutation' as const),
        name: f.name,
        args: f.args,
        returnsObject: isCompositeType(getNamedType(f.type)),
      }));
    });

  it('covers every root operation of the served schema', () => {
    expect(operations().length).toBeGreaterThan(50);
  });

  // one test per operation, named after it (the list is read from the schema once the app is up)
  it('never answers a hostile argument with a 500 or INTERNAL_SERVER_ERROR, and a failed call writes nothing', async () => {
    const failures: string[] = [];
    for (const op of operations()) {
      const query = operationText(op.kind, op.name, op.args, op.returnsObject);
      const variables = fc.record(Object.fromEntries(op.args.map((a) => [a.name, arbitraryFor(a.type, a.name, pools)])) as Record<string, fc.Arbitrary<unknown>>);
      const role = fc.constantFrom<Role>(Role.ADMIN, Role.ADMIN, Role.ADMIN, Role.RECRUITER, Role.ADVISOR, Role.LEARNER);
      await fc.assert(
        fc.asyncProperty(variables, role, fc.constantFrom(...pools.candidates), async (vars, as, learner) => {
          cases++;
          const before = op.kind === 'mutation' ? await fingerprint() : null;
          const r: GqlResult = await t.as(as, { candidateId: as === Role.LEARNER ? learner : null })(query, vars);
          const codes = (r.errors ?? []).map((e) => e.extensions?.code);
          if (process.env.FUZZ_DEBUG) process.stdout.write(`${op.name} ${r.status} ${codes.join(",")} ${JSON.stringify(r.errors?.[0]?.message ?? "").slice(0, 120)}\n`);
          const bad = r.status >= 500 || codes.includes('INTERNAL_SERVER_ERROR') || codes.some((c) => typeof c !== 'string');
          if (bad) failures.push(`${op.name} as ${as} with ${JSON.stringify(vars).slice(0, 300)}: ${r.status} ${JSON.stringify(r.errors).slice(0, 300)}`);
          expect(bad).toBe(false);
          if (before && r.errors?.length) {
            const after = await fingerprint();
            const changed = Object.keys(after).filter((k) => after[k] !== before[k]);
            if (changed.length) failures.push(`${op.name} as ${as} failed (${codes.join(',')}) but changed ${changed.join(', ')}`);
            expect(changed).toEqual([]);
          }
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      ).catch((error: unknown) => {
        failures.push(`${op.name}: ${error instanceof Error ? error.message.split('\n').slice(0, 3).join(' ') : String(error)}`);
      });
    }
    expect(failures).toEqual([]);
    expect(cases).toBe(operations().length * RUNS);
  }, 1_800_000);
});
