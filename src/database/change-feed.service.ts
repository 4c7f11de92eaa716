import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { DomainEvents } from '../common/events/domain-events.service';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { appRoleConnectionOptions } from './app-role';

export const CHANGE_CHANNEL = 'skillstack_changes';
export const LISTEN_APPLICATION_NAME = 'skillstack-listen';

/** What the feed reports (GET /health). */
export interface ChangeFeedStatus {
  /** `listen`: PostgreSQL LISTEN plus the change log; `single-process`: PGlite, nothing to follow */
  mode: 'listen' | 'single-process';
  /** the LISTEN connection is up */
  listening: boolean;
  /** every change committed before the last notification or poll is applied */
  current: boolean;
  /** why not current (null when current) */
  reason: string | null;
  /** every change_log row up to here is applied (or was rolled back) */
  appliedThrough: number;
  /** sequence numbers below the highest applied one not (yet) seen: in-flight or rolled-back writes */
  pendingGaps: number;
  /** 0 when current; otherwise how long since it last was */
  lagMs: number;
  /** connections lost since start */
  reconnects: number;
}

type ChangeKind = 'taxonomy.changed' | 'credentials.changed' | 'candidate.changed';

interface LogRow {
  seq: number;
  kind: ChangeKind;
  ids: string[];
}

interface PollResult {
  xmin: string;
  xmax: string;
  pruned: string;
  rows: LogRow[];
}

const PAYLOAD_KEY: Record<ChangeKind, string> = {
  'taxonomy.changed': 'skillIds',
  'credentials.changed': 'credentialIds',
  'candidate.changed': 'candidateIds',
};
/** applied in this order: candidates' half-lives come from the taxonomy */
const APPLY_ORDER: ChangeKind[] = ['taxonomy.changed', 'credentials.changed', 'candidate.changed'];

/**
 * Keeps several processes on one PostgreSQL database in step, exactly. Every write to a table an
 * in-memory index is built from appends a change_log row in its own transaction (triggers, see
 * migrations/1796688000000-change-log.ts) and NOTIFYs its sequence number on commit. This service
 * holds one LISTEN connection (application_name `skillstack-listen`); a notification, a
 * (re)connect or a periodic poll reads every row after the last one applied and re-emits them as
 * `remote` domain events, so the taxonomy graph, the match index and the pathway catalogue reload
 * what changed.
 *
 * - Lost connections are retried forever with capped exponential backoff (each attempt logged);
 *   there is never more than one connection, whatever fails.
 * - Sequence numbers are taken in allocation order but commit in any order, so a number below the
 *   highest seen can be missing: still in flight, or rolled back. It stays a gap, read again on
 *   every poll, until its row appears or every transaction that was running when it was first
 *   missed has ended (snapshot xmin past the xmax noted then): then it was rolled back.
 * - Rows older than an hour are pruned (change_log_horizon records up to where); a process that
 *   was away longer rebuilds its indexes from the database ('feed.resync').
 *
 * On PGlite (one process) there is nothing to follow.
 */
@Injectable()
export class ChangeFeedService implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  static readonly BACKOFF_MIN_MS = 100;
  static readonly BACKOFF_MAX_MS = 2000;
  static readonly POLL_INTERVAL_MS = 5000;
  static readonly RETENTION = '1 hour';
  /** a notification not applied after this long makes the feed not current */
  static readonly NOTIFY_GRACE_MS = 2000;
  /** at start, sequence numbers this far below the newest may still be in flight */
  private static readonly LOOKBACK = 1000;
  private static readonly BATCH = 5000;

  private readonly logger = new Logger('ChangeFeed');
  private readonly enabled: boolean;
  private client: Client | null = null;
  private listening = false;
  private stopped = false;
  private attempt = 0;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private interval: NodeJS.Timeout | null = null;
  private lastError: string | null = null;
  private downSince: number | null = null;
  private reconnects = 0;

  private watermark = 0;
  /** missing sequence number → the snapshot xmax when it was first missed */
  private readonly gaps = new Map<number, bigint>();
  private notified = 0;
  private notifiedAt = 0;
  private polling: Promise<void> | null = null;
  private pollAgain = false;
  private caughtUpSinceConnect = false;
  private lastPollAt = 0;
  private currentSince = Date.now();
  private lastPrune = 0;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly events: DomainEvents,
  ) {
    this.enabled = config.database.kind === 'postgres';
  }

  /** Before any index is built: where the log is now (changes committed later are read after the build). */
  async onModuleInit(): Promise<void> {
    if (this.enabled) await this.startFromNow();
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.enabled) {
      // one process: nobody reads the log, but the triggers write it; keep it short
      const prune = (): Promise<void> => this.prune((sql, params) => this.dataSource.query(sql, params)).catch(() => undefined);
      await prune();
      this.interval = setInterval(() => void prune(), 10 * 60_000);
      this.interval.unref();
      return;
    }
    this.interval = setInterval(() => this.schedulePoll(), ChangeFeedService.POLL_INTERVAL_MS);
    this.interval.unref();
    await this.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.interval) clearInterval(this.interval);
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    const client = this.client;
    this.client = null;
    this.listening = false;
    await this.polling?.catch(() => undefined);
    await client?.end().catch(() => undefined);
  }

  status(): ChangeFeedStatus {
    if (!this.enabled) {
      return { mode: 'single-process', listening: false, current: true, reason: null, appliedThrough: 0, pendingGaps: 0, lagMs: 0, reconnects: 0 };
    }
    const reason = this.notCurrentReason();
    const now = Date.now();
    if (reason === null) this.currentSince = now;
    return {
      mode: 'listen',
      listening: this.listening,
      current: reason === null,
      reason,
      appliedThrough: this.watermark,
      pendingGaps: this.gaps.size,
      lagMs: reason === null ? 0 : now - this.currentSince,
      reconnects: this.reconnects,
    };
  }

  /** The LISTEN connection's backend pid (tests cut it with pg_terminate_backend). */
  backendPid(): number | null {
    return this.listening ? ((this.client as unknown as { processID?: number } | null)?.processID ?? null) : null;
  }

  private notCurrentReason(): string | null {
    if (!this.listening) {
      const down = this.downSince ? ` for ${Date.now() - this.downSince} ms` : '';
      return `change feed not listening${down}${this.lastError ? `: ${this.lastError}` : ''}; reconnecting (attempt ${this.attempt})`;
    }
    if (!this.caughtUpSinceConnect) return 'change feed catching up after a reconnect';
    if (this.notified > this.watermark && Date.now() - this.notifiedAt > ChangeFeedService.NOTIFY_GRACE_MS) {
      return `change feed behind: change ${this.notified} notified ${Date.now() - this.notifiedAt} ms ago, applied through ${this.watermark}`;
    }
    if (Date.now() - this.lastPollAt > 3 * ChangeFeedService.POLL_INTERVAL_MS) return `change feed has not polled for ${Date.now() - this.lastPollAt} ms`;
    return null;
  }

  private async startFromNow(): Promise<void> {
    const [head]: { max: string; pruned: string; xmax: string }[] = await this.dataSource.query(
      `SELECT coalesce(max(seq), 0)::text AS max, (SELECT pruned_through::text FROM change_log_horizon) AS pruned,
              pg_snapshot_xmax(pg_current_snapshot())::text AS xmax
         FROM change_log`,
    );
    const pruned = Number(head.pruned);
    const max = Math.max(Number(head.max), pruned);
    const from = Math.max(pruned, max - ChangeFeedService.LOOKBACK);
    const seen: { seq: string }[] = await this.dataSource.query(`SELECT seq::text AS seq FROM change_log WHERE seq > $1`, [from]);
    const visible = new Set(seen.map((r) => Number(r.seq)));
    this.gaps.clear();
    for (let s = from + 1; s <= max; s++) if (!visible.has(s)) this.gaps.set(s, BigInt(head.xmax));
    this.watermark = max;
  }

  private async connect(): Promise<void> {
    if (this.stopped || this.client) return;
    const client = new Client({
      connectionString: this.config.database.url,
      application_name: LISTEN_APPLICATION_NAME,
      keepAlive: true,
      connectionTimeoutMillis: 5000,
      query_timeout: 15000,
      ...appRoleConnectionOptions(this.config.database),
    });
    this.client = client;
    let lost = false;
    const lose = (error: Error): void => {
      if (lost) return;
      lost = true;
      this.onLost(client, error);
    };
    client.on('error', lose);
    client.on('end', () => lose(new Error('connection closed')));
    client.on('notification', (message) => {
      const seq = Number(message.payload);
      if (!Number.isInteger(seq) || this.client !== client) return;
      if (seq > this.notified) {
        if (this.notified <= this.watermark) this.notifiedAt = Date.now();
        this.notified = seq;
      }
      this.schedulePoll();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGE_CHANNEL}`);
    } catch (error) {
      lose(error as Error);
      return;
    }
    if (lost) return;
    if (this.stopped || this.client !== client) {
      await client.end().catch(() => undefined);
      return;
    }
    this.listening = true;
    this.caughtUpSinceConnect = false;
    if (this.downSince !== null) this.logger.log(`change feed listening again after ${Date.now() - this.downSince} ms (${this.attempt} attempts)`);
    this.downSince = null;
    this.attempt = 0;
    this.lastError = null;
    this.schedulePoll();
    await this.polling?.catch(() => undefined);
  }

  private onLost(client: Client, error: Error): void {
    client.end().catch(() => undefined);
    if (this.client !== client) return;
    this.client = null;
    if (this.listening) this.reconnects++;
    this.listening = false;
    if (this.stopped) return;
    this.lastError = error.message;
    this.downSince ??= Date.now();
    if (this.reconnectTimer) return;
    const delay = Math.round(Math.min(ChangeFeedService.BACKOFF_MAX_MS, ChangeFeedService.BACKOFF_MIN_MS * 2 ** this.attempt) * (0.8 + Math.random() * 0.4));
    this.attempt++;
    this.logger.warn(`change feed connection lost: ${error.message}; reconnecting in ${delay} ms (attempt ${this.attempt})`);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      void this.connect();
    }, delay);
  }

  /** One poll at a time; a request during a poll runs another right after it. */
  private schedulePoll(): void {
    if (this.stopped || !this.listening) return;
    if (this.polling) {
      this.pollAgain = true;
      return;
    }
    const client = this.client!;
    this.polling = (async () => {
      try {
        do {
          this.pollAgain = false;
          await this.poll(client);
        } while (this.pollAgain && this.client === client);
        this.caughtUpSinceConnect = true;
        if (Date.now() - this.lastPrune > 60_000) await this.prune((sql, params) => client.query(sql, params));
      } catch (error) {
        // a failed read or apply: start again from a fresh connection (nothing is marked applied)
        this.logger.warn(`change feed poll failed: ${(error as Error).message}`);
        client.emit('error', error);
      } finally {
        this.polling = null;
      }
    })();
  }

  private async poll(client: Client): Promise<void> {
    for (;;) {
      const gapSeqs = [...this.gaps.keys()];
      const { rows } = await client.query<PollResult>(
        `SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin, pg_snapshot_xmax(pg_current_snapshot())::text AS xmax,
                (SELECT pruned_through::text FROM change_log_horizon) AS pruned,
                coalesce((SELECT json_agg(json_build_object('seq', seq, 'kind', kind, 'ids', ids) ORDER BY seq)
                            FROM (SELECT seq, kind, ids FROM change_log WHERE seq > $1 OR seq = ANY($2::bigint[]) ORDER BY seq LIMIT $3) AS batch), '[]') AS rows`,
        [this.watermark, gapSeqs, ChangeFeedService.BATCH],
      );
      const result = rows[0];
      const pruned = Number(result.pruned);
      if (pruned > this.watermark || gapSeqs.some((s) => s <= pruned)) {
        await this.resync(pruned);
        continue;
      }
      await this.apply(result.rows);
      const xmin = BigInt(result.xmin);
      const xmax = BigInt(result.xmax);
      const seen = new Set(result.rows.map((r) => r.seq));
      for (const s of seen) this.gaps.delete(s);
      const top = result.rows.length ? result.rows[result.rows.length - 1].seq : this.watermark;
      for (let s = this.watermark + 1; s < top; s++) if (!seen.has(s)) this.gaps.set(s, xmax);
      this.watermark = Math.max(this.watermark, top);
      for (const [s, horizon] of this.gaps) if (xmin >= horizon) this.gaps.delete(s);
      this.lastPollAt = Date.now();
      if (result.rows.length < ChangeFeedService.BATCH) break;
    }
    if (this.notified <= this.watermark) this.notifiedAt = 0;
  }

  private async apply(rows: readonly LogRow[]): Promise<void> {
    const byKind = new Map<ChangeKind, Set<string>>();
    for (const row of rows) {
      const ids = byKind.get(row.kind) ?? new Set<string>();
      for (const id of row.ids) ids.add(id);
      byKind.set(row.kind, ids);
    }
    for (const kind of APPLY_ORDER) {
      const ids = byKind.get(kind);
      if (!ids) continue;
      if (!(await this.events.deliverRemote(kind, { [PAYLOAD_KEY[kind]]: [...ids] } as never))) throw new Error(`applying ${kind} failed`);
    }
  }

  /** Rows this process never read were pruned: rebuild every index from the database. */
  private async resync(pruned: number): Promise<void> {
    this.logger.warn(`change feed fell behind the pruned log (applied through ${this.watermark}, pruned through ${pruned}): rebuilding the indexes`);
    await this.startFromNow();
    if (!(await this.events.deliverRemote('feed.resync', {}))) throw new Error('rebuilding the indexes failed');
  }

  private async prune(query: (sql: string, params: unknown[]) => Promise<unknown>): Promise<void> {
    this.lastPrune = Date.now();
    await query(
      `WITH gone AS (DELETE FROM change_log WHERE created_at < now() - $1::interval RETURNING seq)
       UPDATE change_log_horizon SET pruned_through = greatest(pruned_through, (SELECT max(seq) FROM gone)) WHERE EXISTS (SELECT 1 FROM gone)`,
      [ChangeFeedService.RETENTION],
    );
  }
}
