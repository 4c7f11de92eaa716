import type { PGliteOptions } from '@electric-sql/pglite';
import { PGliteDriver } from 'typeorm-pglite';
import { PGlitePool } from 'typeorm-pglite/dist/pglite-pool';

type ConnectCallback = (error: unknown, client: PGlitePool | null, done: (err?: unknown) => void) => void;

/**
 * PGlite has a single session, so two open transactions would interleave on it.
 * This pool hands out its one connection to one TypeORM query runner at a time:
 * a runner holds it from connect to release, so transactions (and plain queries)
 * run strictly one after another, in arrival order.
 */
class SerialPGlitePool extends PGlitePool {
  private static tail: Promise<void> = Promise.resolve();

  override async connect(callback: ConnectCallback): Promise<void> {
    let release!: () => void;
    const turn = new Promise<void>((resolve) => (release = resolve));
    const previous = SerialPGlitePool.tail;
    SerialPGlitePool.tail = previous.then(() => turn);
    await previous;
    let released = false;
    const done = () => {
      if (released) return;
      released = true;
      release();
    };
    await super.connect((error, client) => callback(error, client, done));
  }
}

export function serialPgliteDriver(options: PGliteOptions): unknown {
  const base = new PGliteDriver(options).driver as unknown as Record<string, unknown>;
  return Object.assign(class {}, base, { Pool: SerialPGlitePool });
}
