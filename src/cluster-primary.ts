import cluster, { Worker } from 'node:cluster';

/** Lines the primary writes (stdout); injectable for tests. */
export type PrimaryLog = (line: string) => void;

export interface Primary {
  /** the exit code once every worker has exited: 0 after `stop`, 1 when a worker never listened */
  readonly done: Promise<number>;
  /** passes SIGTERM to every worker (each shuts down gracefully) */
  stop(): void;
}

/**
 * WEB_CONCURRENCY > 1: this process only supervises `workers` copies of the service (node:cluster;
 * they share PORT, connections are spread over them by the primary). Each worker builds its own
 * taxonomy graph and match index and keeps them current through LISTEN/NOTIFY, as separate
 * processes on one database always do.
 *
 * - Workers start one after another: the first applies the migrations and seeds an empty database,
 *   the next starts when the previous one listens.
 * - A worker that exits after it listened is replaced; one that exits before it ever listened stops
 *   the service (exit code 1: a broken deployment is not restarted in a loop).
 * - `stop()` (main.ts calls it on SIGTERM / SIGINT) passes SIGTERM to every worker; `done` resolves when
 *   all have exited.
 */
export function runPrimary(workers: number, log: PrimaryLog = (line) => process.stdout.write(`${line}\n`)): Primary {
  let stopNow: (code: number) => void = () => undefined;
  const done = new Promise<number>((resolve) => {
    let stopping = false;
    let exitCode = 0;
    const listening = new Set<Worker>();

    const finishWhenIdle = (): void => {
      if (Object.keys(cluster.workers ?? {}).length === 0) resolve(exitCode);
    };
    const stop = (code: number): void => {
      if (stopping) return;
      stopping = true;
      exitCode = code;
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
      finishWhenIdle();
    };
    const fork = (remaining: number): void => {
      const w = cluster.fork();
      w.once('listening', () => {
        listening.add(w);
        if (remaining > 1 && !stopping) fork(remaining - 1);
        else if (remaining === 1) log(`skillstack: ${workers} workers listening (WEB_CONCURRENCY=${workers}, primary pid ${process.pid})`);
      });
      w.once('exit', (code, signal) => {
        const listened = listening.delete(w);
        if (stopping) return finishWhenIdle();
        if (!listened) {
          log(`skillstack: worker ${w.process.pid} exited before it listened (code ${code ?? signal}); stopping`);
          return stop(1);
        }
        log(`skillstack: worker ${w.process.pid} exited (code ${code ?? signal}); starting a replacement`);
        fork(1);
      });
    };

    stopNow = stop;
    fork(workers);
  });
  return { done, stop: () => stopNow(0) };
}
