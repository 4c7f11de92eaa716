import { INestApplication } from '@nestjs/common';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';

export interface GracefulShutdownOptions {
  /** how long in-flight requests may take before their connections are closed */
  graceMs: number;
  log?: (line: string) => void;
  /** process.exit, injectable for tests */
  exit?: (code: number) => void;
  signals?: NodeJS.Signals[];
}

/**
 * Stops the service in order: no new connections (idle keep-alive ones are closed), the requests
 * already received run to their end for at most `graceMs` (then their connections are closed) and
 * answer with `Connection: close`,
 * and only then the application closes: GraphQL, the change feed, and last the database. Returns
 * how it went: every request finished ('drained') or some were cut ('forced').
 */
/** The responses not yet sent, so a drain can tell their clients not to reuse the connection. */
function trackResponses(server: Server): Set<ServerResponse> {
  const open = new Set<ServerResponse>();
  server.on('request', (_req: IncomingMessage, res: ServerResponse) => {
    open.add(res);
    res.once('close', () => open.delete(res));
  });
  return open;
}

export async function drainAndClose(app: INestApplication, options: GracefulShutdownOptions, open?: Set<ServerResponse>): Promise<'drained' | 'forced'> {
  const log = options.log ?? (() => undefined);
  const server = app.getHttpServer() as Server;
  const started = Date.now();
  // responses of requests already received (and any arriving on a connection still open) say
  // `Connection: close`: their clients send nothing more on a connection that is about to close
  const closeAfter = (res: ServerResponse): void => {
    if (!res.headersSent) res.setHeader('Connection', 'close');
  };
  for (const res of open ?? []) closeAfter(res);
  server.on('request', (_req: IncomingMessage, res: ServerResponse) => closeAfter(res));
  let outcome: 'drained' | 'forced' = 'drained';
  await new Promise<void>((resolve) => {
    // close() stops accepting and calls back once every connection has ended
    server.close(() => resolve());
    // a connection that finishes its request goes idle and is closed at once
    const idle = setInterval(() => server.closeIdleConnections(), 25);
    const force = setTimeout(() => {
      outcome = 'forced';
      log(`shutdown: requests still running after ${options.graceMs} ms; closing their connections`);
      server.closeAllConnections();
    }, options.graceMs);
    server.once('close', () => {
      clearInterval(idle);
      clearTimeout(force);
    });
    server.closeIdleConnections();
  });
  log(`shutdown: HTTP server closed after ${Date.now() - started} ms (${outcome}); closing the application and the database`);
  await app.close();
  return outcome;
}

/** On SIGTERM / SIGINT: drainAndClose, then exit 0 (1 when closing failed). A second signal while draining is ignored. */
export function installGracefulShutdown(app: INestApplication, options: GracefulShutdownOptions): () => void {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const signals = options.signals ?? ['SIGTERM', 'SIGINT'];
  let stopping = false;
  const open = trackResponses(app.getHttpServer() as Server);
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    options.log?.(`shutdown: ${signal} received; not accepting new connections, letting in-flight requests finish (at most ${options.graceMs} ms)`);
    drainAndClose(app, options, open).then(
      () => exit(0),
      (error: unknown) => {
        options.log?.(`shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
        exit(1);
      },
    );
  };
  for (const signal of signals) process.on(signal, onSignal);
  return () => {
    for (const signal of signals) process.removeListener(signal, onSignal);
  };
}
