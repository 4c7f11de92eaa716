import { Injectable, Logger } from '@nestjs/common';


export interface DomainEventMap {
  /** A candidate, their evidence, credentials or discoverability changed (or they were deleted). */
  'candidate.changed': { candidateIds: string[] };
  /** Skills or their broader/related edges changed. */
  'taxonomy.changed': { skillIds: string[] };
  /** Catalogue credentials changed. */
  'credentials.changed': { credentialIds: string[] };
  /** The change feed lost track of changes (its log was pruned past it): rebuild everything from the database. */
  'feed.resync': Record<string, never>;
}

export type DomainEventName = keyof DomainEventMap;
type Listener = (payload: unknown) => unknown;

/**
 * Notifications after a transaction commits; in-memory indexes subscribe to them. Events raised
 * in this process are `local`; the change feed re-emits other processes' events as `remote`
 * (PostgreSQL LISTEN/NOTIFY) and forwards local ones to them.
 */
@Injectable()
export class DomainEvents {
  private readonly logger = new Logger('DomainEvents');
  private readonly all = new Map<DomainEventName, Listener[]>();
  private readonly local = new Map<DomainEventName, Listener[]>();

  /**
   * Runs the listeners and resolves when they are done, so a mutation that awaits it (through
   * `afterCommit`) answers only after this process's in-memory indexes reflect its write.
   * A failing listener is logged and does not fail the others.
   */
  async emit<K extends DomainEventName>(name: K, payload: DomainEventMap[K], origin: 'local' | 'remote' = 'local'): Promise<void> {
    const listeners = [...(this.all.get(name) ?? []), ...(origin === 'local' ? (this.local.get(name) ?? []) : [])];
    await Promise.all(
      listeners.map(async (listener) => {
        try {
          await listener(payload);
        } catch (error) {
          this.logger.error(`${name} listener failed: ${error instanceof Error ? error.message : String(error)}`);
        }
      }),
    );
  }

  /** Runs the listeners of another process's event (the change feed); false when one of them failed (it is logged). */
  async deliverRemote<K extends DomainEventName>(name: K, payload: DomainEventMap[K]): Promise<boolean> {
    const results = await Promise.all(
      (this.all.get(name) ?? []).map(async (listener) => {
        try {
          await listener(payload);
          return true;
        } catch (error) {
          this.logger.error(`${name} listener failed: ${error instanceof Error ? error.message : String(error)}`);
          return false;
        }
      }),
    );
    return results.every(Boolean);
  }

  /** Every event, from this process or another. */
  on<K extends DomainEventName>(name: K, listener: (payload: DomainEventMap[K]) => unknown): void {
    this.all.set(name, [...(this.all.get(name) ?? []), listener as Listener]);
  }

  /** Only events raised in this process. */
  onLocal<K extends DomainEventName>(name: K, listener: (payload: DomainEventMap[K]) => unknown): void {
    this.local.set(name, [...(this.local.get(name) ?? []), listener as Listener]);
  }
}
