import 'reflect-metadata';
import { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/bootstrap';
import { AppConfig, toAppConfig } from '../../src/config/app-config';
import { loadEnvironment } from '../../src/config/environment';
import { QueryCounter } from '../../src/database/query-counter';
import { adminQuery, readSnapshot, serverUrl, templateDatabase, withDatabase } from './test-database';

export interface GqlResult<T = Record<string, any>> {
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: Record<string, any> }[];
  status: number;
}

export interface TestApp {
  app: INestApplication;
  url: string;
  config: AppConfig;
  dataSource: DataSource;
  queries: QueryCounter;
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GqlResult<T>>;
  close(): Promise<void>;
}

/**
 * Starts the real application on a private copy of the migrated, seeded test database:
 * a PGlite instance loaded from the snapshot, or a PostgreSQL database cloned from the template.
 */
export async function startTestApp(options: { joinDatabaseOf?: TestApp } = {}): Promise<TestApp> {
  const server = serverUrl();
  const base = toAppConfig(loadEnvironment({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: 'memory://', PORT: '0', SEED_DEMO: 'false' }));
  let config: AppConfig = base;
  let dropDatabase: (() => Promise<void>) | undefined;
  let loadDataDir: Blob | undefined;
  if (options.joinDatabaseOf) {
    // a second process-like app on the same PostgreSQL database (change feed tests)
    config = { ...base, database: options.joinDatabaseOf.config.database };
  } else if (server) {
    const name = `skillstack_test_${process.pid}_${randomBytes(4).toString('hex')}`;
    await adminQuery(withDatabase(server, 'postgres'), `CREATE DATABASE ${name} TEMPLATE ${templateDatabase(server)}`);
    config = { ...base, database: { kind: 'postgres', url: withDatabase(server, name), dataDir: '' } };
    dropDatabase = () => adminQuery(withDatabase(server, 'postgres'), `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } else {
    loadDataDir = readSnapshot();
  }
  const app = await createApp({ config, database: { loadDataDir } });
  await app.listen(0, '127.0.0.1');
  const url = `${await app.getUrl()}/graphql`.replace('[::1]', '127.0.0.1');
  const gql: TestApp['gql'] = async (query, variables, headers) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(headers ?? {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as GqlResult;
    return { ...body, status: response.status } as never;
  };
  return {
    app,
    url,
    config,
    dataSource: app.get(DataSource),
    queries: app.get(QueryCounter),
    gql,
    async close() {
      await app.close();
      await dropDatabase?.();
    },
  };
}

/** The data of a successful result, or a thrown error listing the GraphQL errors. */
export function ok<T>(result: GqlResult<T>): T {
  if (result.errors?.length || !result.data) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
  return result.data;
}
