import { GraphQLSchemaHost } from '@nestjs/graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { contractDifferences } from './contract/contract-diff';
import { startTestApp, TestApp } from './support/test-app';

describe('the service', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('reports the database on GET /health', async () => {
    const response = await fetch(t.url.replace('/graphql', '/health'));
    expect(response.status).toBe(200);
    const body = (await response.json()) as any;
    expect(body).toMatchObject({ status: 'ok', database: { kind: t.config.database.kind, status: 'up' } });
    expect(body.database.version).toMatch(/^PostgreSQL \d+/);
    expect(body.changeFeed).toMatchObject({ mode: t.config.database.kind === 'postgres' ? 'listen' : 'single-process', current: true });
  });

  it('serves every part of the contract that is not pending, exactly', () => {
    const contract = buildSchema(readFileSync(join(__dirname, 'contract', 'contract.graphql'), 'utf8'));
    const pending = JSON.parse(readFileSync(join(__dirname, 'contract', 'pending.json'), 'utf8'));
    const served = t.app.get(GraphQLSchemaHost).schema;
    expect(contractDifferences(contract, served, pending)).toEqual([]);
  });

  it('keeps the pending list honest: nothing in it is served already', () => {
    const pending = JSON.parse(readFileSync(join(__dirname, 'contract', 'pending.json'), 'utf8')) as { types: string[]; fields: string[] };
    const served = t.app.get(GraphQLSchemaHost).schema;
    const servedAlready = [
      ...pending.types.filter((name) => served.getType(name)),
      ...pending.fields.filter((key) => {
        const [typeName, field] = key.split('.');
        const type = served.getType(typeName) as { getFields?: () => Record<string, unknown> } | undefined;
        return !!type?.getFields?.()[field];
      }),
    ];
    expect(servedAlready).toEqual([]);
  });

  it('has the committed schema.gql in step with the served schema', () => {
    const committed = readFileSync(join(__dirname, '..', 'schema.gql'), 'utf8');
    const served = printSchema(lexicographicSortSchema(t.app.get(GraphQLSchemaHost).schema));
    const normalise = (s: string) => s.replace(/^# .*\n/gm, '').replace(/\s+/g, ' ').trim();
    expect(normalise(committed)).toBe(normalise(served));
  });

  it('answers a malformed query with a code and no stack trace', async () => {
    const result = await t.gql('{ skill(id: ) { id } }');
    expect(result.errors?.[0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(JSON.stringify(result)).not.toMatch(/stacktrace|\.ts:\d+/);
  });
});
