import 'reflect-metadata';
import { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource, QueryRunner } from 'typeorm';
import { Role } from '../../src/auth/role.enum';
import { TokenService } from '../../src/auth/token.service';
import { createApp } from '../../src/bootstrap';
import { AppConfig, toAppConfig } from '../../src/config/app-config';
import { loadEnvironment } from '../../src/config/environment';
import { Client } from 'pg';
import { APP_ROLE } from '../../src/database/app-role';
import { QueryCounter } from '../../src/database/query-counter';
import { adminQuery, readSnapshot, serverUrl, templateDatabase, withDatabase } from './test-database';

export interface GqlResult<T = Record<string, any>> {
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: Record<string, any> }[];
  status: number;
}

export type Gql = <T = Record<string, any>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) => Promise<GqlResult<T>>;

/** The fixed AUTH_JWT_SECRET of test apps. */
export const TEST_JWT_SECRET = 'test-secret-for-skillstack-e2e-specs-only-0123456789';

export interface Identity {
  sub?: string;
  candidateId?: string | null;
}

export interface TestApp {
  app: INestApplication;
  url: string;
  config: AppConfig;
  dataSource: DataSource;
  queries: QueryCounter;
  /** as ADMIN (sub `test-admin`) unless `headers` carries its own authorization */
  gql: Gql;
  /** as this role (default sub `test-<role>`; LEARNER needs a candidateId) */
  as(role: Role | keyof typeof Role, identity?: Identity): Gql;
  /** a bearer token of this role, signed with the app's secret */
  token(role: Role | keyof typeof Role, identity?: Identity, ttlSeconds?: number): Promise<string>;
  /** without any token (only `headers`) */
  raw: Gql;
  /**
   * SQL as the database owner (a superuser), past the limits of the app's role: the statements run
   * in order in one session; returns the rows of the last. (The app itself works as skillstack_app.)
   */
  ownerQuery(statements: string | string[]): Promise<any[]>;
  /**
   * A query runner of the app's data source that works as the owner (the login user) instead of
   * skillstack_app, e.g. for a migration's up or down; its release() switches back to the app's role.
   */
  ownerRunner(): Promise<QueryRunner>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** a second process-like app on the same PostgreSQL database (change feed tests) */
  joinDatabaseOf?: TestApp;
  /** RATE_LIMIT_PER_MINUTE (default: a million, i.e. off) */
  rateLimitPerMinute?: number;
  /** other environment variables, e.g. NODE_ENV: 'production' */
  env?: Record<string, string>;
}

/**
 * Starts the real application on a private copy of the migrated, seeded test database:
 * a PGlite instance loaded from the snapshot, or a PostgreSQL database cloned from the template.
 */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const server = serverUrl();
  const base = toAppConfig(
    loadEnvironment({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATA_DIR: 'memory://',
      PORT: '0',
      SEED_DEMO: 'false',
      AUTH_JWT_SECRET: TEST_JWT_SECRET,
      RATE_LIMIT_PER_MINUTE: String(options.rateLimitPerMinute ?? 1_000_000),
      ...(options.env ?? {}),
    }),
  );
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
  const raw: Gql = async (query, variables, headers) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(headers ?? {}) },
      body: JSON.stringify({ query, variables }),
    });
    const text = await response.text();
    let body: GqlResult;
    try {
      body = JSON.parse(text) as GqlResult;
    } catch {
      body = { errors: [{ message: text.slice(0, 500) }], status: response.status };
    }
    return { ...body, status: response.status } as never;
  };
  const tokens = app.get(TokenService);
  const cache = new Map<string, Promise<string>>();
  const token: TestApp['token'] = (role, identity = {}, ttlSeconds) => {
    const claims = { role: role as Role, sub: identity.sub ?? `test-${role.toLowerCase()}`, candidateId: identity.candidateId ?? null };
    if (ttlSeconds !== undefined) return tokens.sign(claims, ttlSeconds);
    const key = JSON.stringify(claims);
    if (!cache.has(key)) cache.set(key, tokens.sign(claims, 3600));
    return cache.get(key)!;
  };
  const as: TestApp['as'] =
    (role, identity) =>
    async (query, variables, headers) =>
      raw(query, variables, { authorization: `Bearer ${await token(role, identity)}`, ...(headers ?? {}) });
  const admin = as('ADMIN');
  const gql: Gql = (query, variables, headers) =>
    headers && Object.keys(headers).some((h) => h.toLowerCase() === 'authorization') ? raw(query, variables, headers) : admin(query, variables, headers);
  const dataSource = app.get(DataSource);
  const ownerQuery: TestApp['ownerQuery'] = async (statements) => {
    const list = Array.isArray(statements) ? statements : [statements];
    let rows: any[] = [];
    if (config.database.kind === 'postgres') {
      const client = new Client({ connectionString: config.database.url });
      await client.connect();
      try {
        for (const sql of list) rows = (await client.query(sql)).rows;
      } finally {
        await client.end();
      }
      return rows;
    }
    // PGlite has one session: leave the app's role for the statements, then go back to it
    await dataSource.query('RESET ROLE');
    try {
      for (const sql of list) rows = await dataSource.query(sql);
    } finally {
      await dataSource.query(`SET ROLE ${APP_ROLE}`);
    }
    return rows;
  };
  const ownerRunner: TestApp['ownerRunner'] = async () => {
    const runner = dataSource.createQueryRunner();
    // PGlite: the session's own user; PostgreSQL: the login user (the app switched with -c role=)
    if (config.database.kind === 'postgres') {
      const [{ u }]: { u: string }[] = await runner.query('SELECT session_user AS u');
      await runner.query(`SET ROLE "${u.replace(/"/g, '""')}"`);
    } else await runner.query('RESET ROLE');
    const release = runner.release.bind(runner);
    runner.release = async () => {
      await runner.query(`SET ROLE ${APP_ROLE}`);
      await release();
    };
    return runner;
  };

  return {
    app,
    url,
    config,
    ownerQuery,
    ownerRunner,
    dataSource,
    queries: app.get(QueryCounter),
    gql,
    as,
    token,
    raw,
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
