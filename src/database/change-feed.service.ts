import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { DomainEventMap, DomainEventName, DomainEvents } from '../common/events/domain-events.service';
import { APP_CONFIG, AppConfig } from '../config/app-config';

export const CHANGE_CHANNEL = 'skillstack_changes';
const FORWARDED: DomainEventName[] = ['candidate.changed', 'taxonomy.changed', 'credentials.changed'];
/** pg_notify payloads are limited to 8000 bytes; larger id lists are split. */
const MAX_IDS_PER_NOTIFY = 150;

interface Envelope {
  origin: string;
  name: DomainEventName;
  payload: DomainEventMap[DomainEventName];
}

/**
 * Keeps several processes on one PostgreSQL database in step: local change events are sent with
 * NOTIFY after their transaction commits, and other processes' events arrive through LISTEN and are
 * re-emitted here as remote events, so every process's in-memory indexes refresh. On PGlite (one
 * process) it does nothing.
 */
@Injectable()
export class ChangeFeedService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ChangeFeed');
  private readonly origin = randomUUID();
  private listener: Client | null = null;
  private stopped = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly events: DomainEvents,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.database.kind !== 'postgres') return;
    for (const name of FORWARDED) {
      this.events.onLocal(name, (payload) => this.publish(name, payload));
    }
    await this.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.listener?.end().catch(() => undefined);
    this.listener = null;
  }

  private async publish(name: DomainEventName, payload: DomainEventMap[DomainEventName]): Promise<void> {
    const ids = Object.values(payload)[0] as string[];
    const key = Object.keys(payload)[0];
    for (let i = 0; i < Math.max(ids.length, 1); i += MAX_IDS_PER_NOTIFY) {
      const envelope: Envelope = { origin: this.origin, name, payload: { [key]: ids.slice(i, i + MAX_IDS_PER_NOTIFY) } as never };
      await this.dataSource.query('SELECT pg_notify($1, $2)', [CHANGE_CHANNEL, JSON.stringify(envelope)]);
    }
  }

  private async listen(): Promise<void> {
    const client = new Client({ connectionString: this.config.database.url, application_name: 'skillstack-listen' });
    client.on('notification', (message) => {
      if (!message.payload) return;
      try {
        const envelope = JSON.parse(message.payload) as Envelope;
        if (envelope.origin === this.origin || !FORWARDED.includes(envelope.name)) return;
        void this.events.emit(envelope.name, envelope.payload as never, 'remote');
      } catch {
        this.logger.warn('ignored a malformed change notification');
      }
    });
    client.on('error', (error) => {
      this.logger.warn(`change feed connection lost: ${error.message}; reconnecting`);
      this.listener = null;
      if (!this.stopped) setTimeout(() => void this.listen().catch(() => undefined), 1000);
    });
    await client.connect();
    await client.query(`LISTEN ${CHANGE_CHANNEL}`);
    this.listener = client;
  }
}
