import 'reflect-metadata';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp } from '../bootstrap';
import { toAppConfig } from '../config/app-config';
import { loadEnvironment } from '../config/environment';
import { projectRoot } from '../database/project-root';

/** `npm run schema:print`: writes the served GraphQL schema to schema.gql (on a throwaway in-memory database). */
async function main(): Promise<void> {
  const config = toAppConfig(loadEnvironment({ DATA_DIR: 'memory://', LOG_LEVEL: 'silent', SEED_DEMO: 'false', NODE_ENV: 'development' }));
  const app = await createApp({ config });
  await app.init();
  const schema = printSchema(lexicographicSortSchema(app.get(GraphQLSchemaHost).schema));
  writeFileSync(join(projectRoot(), 'schema.gql'), `# Generated from the code-first GraphQL types by \`npm run schema:print\`; do not edit.\n\n${schema}\n`);
  await app.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`schema:print failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
