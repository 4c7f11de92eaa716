import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export interface Tx {
  manager: EntityManager;
  /** Runs after the transaction commits (not at all when it rolls back). */
  afterCommit(callback: () => void | Promise<void>): void;
}

/**
 * One transaction per mutation: everything a mutation writes goes through `run`, so a failure
 * leaves no partial rows. On PGlite the serial pool makes transactions run one at a time.
 */
@Injectable()
export class TransactionService {
  constructor(private readonly dataSource: DataSource) {}

  async run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const callbacks: (() => void | Promise<void>)[] = [];
    const result = await this.dataSource.transaction((manager) => work({ manager, afterCommit: (cb) => callbacks.push(cb) }));
    for (const callback of callbacks) await callback();
    return result;
  }
}
