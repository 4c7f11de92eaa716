import 'reflect-metadata';
import cluster from 'node:cluster';
import { Logger } from 'nestjs-pino';
import { demoTokensText } from './auth/demo-tokens';
import { createApp } from './bootstrap';
import { runPrimary } from './cluster-primary';
import { toAppConfig } from './config/app-config';
import { ConfigurationError } from './config/configuration.error';
import { loadEnvironment } from './config/environment';
import { installGracefulShutdown } from './graceful-shutdown';

/** On SIGTERM, how long requests already received may take before their connections are closed. */
const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  const started = Date.now();
  let config;
  try {
    config = toAppConfig(loadEnvironment());
  } catch (error) {
    if (error instanceof ConfigurationError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  if (config.workers > 1 && cluster.isPrimary) {
    const primary = runPrimary(config.workers);
    for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => primary.stop());
    process.exit(await primary.done);
  }
  const app = await createApp({ config });
  installGracefulShutdown(app, { graceMs: SHUTDOWN_GRACE_MS, log: (line) => app.get(Logger).log(line) });
  await app.listen(config.port);
  const url = await app.getUrl();
  const base = url.replace('[::1]', 'localhost').replace('127.0.0.1', 'localhost');
  app.get(Logger).log(`skillstack ready in ${Date.now() - started} ms: console at ${base}/, GraphQL at ${base}/graphql (database: ${config.database.kind})`);
  const firstProcess = cluster.isPrimary || cluster.worker?.id === 1;
  if (!config.authJwtSecret && config.nodeEnv !== 'production' && firstProcess) process.stdout.write(await demoTokensText(app, config));
}

main().catch((error: unknown) => {
  process.stderr.write(`skillstack failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
