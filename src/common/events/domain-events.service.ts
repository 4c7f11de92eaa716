import { Injectable } from '@nestjs/common';
import { EventEmitter } from 'node:events';

export interface DomainEventMap {
  /** A candidate, their evidence, credentials or discoverability changed (or they were deleted). */
  'candidate.changed': { candidateIds: string[] };
  /** Skills or their broader/related edges changed. */
  'taxonomy.changed': { skillIds: string[] };
  /** Catalogue credentials changed. */
  'credentials.changed': { credentialIds: string[] };
}

/** In-process notifications after a transaction commits; in-memory indexes subscribe to them. */
@Injectable()
export class DomainEvents {
  private readonly emitter = new EventEmitter();

  emit<K extends keyof DomainEventMap>(name: K, payload: DomainEventMap[K]): void {
    this.emitter.emit(name, payload);
  }

  on<K extends keyof DomainEventMap>(name: K, listener: (payload: DomainEventMap[K]) => void): void {
    this.emitter.on(name, listener);
  }
}
