import { Controller, Get, HttpCode, HttpStatus, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ChangeFeedService } from '../database/change-feed.service';

@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly feed: ChangeFeedService,
  ) {}

  /**
   * Liveness plus a round trip to the database and the change feed's state: 503 with the reason
   * when the database is down or this process is not current with the other processes' writes.
   */
  @Get()
  @HttpCode(HttpStatus.OK)
  async health(@Res({ passthrough: true }) res: Response): Promise<Record<string, unknown>> {
    const started = Date.now();
    const changeFeed = this.feed.status();
    try {
      const [row] = await this.dataSource.query('SELECT version() AS version');
      const database = { kind: this.config.database.kind, status: 'up', latencyMs: Date.now() - started, version: String(row.version).split(' ').slice(0, 2).join(' ') };
      if (!changeFeed.current) {
        res.status(HttpStatus.SERVICE_UNAVAILABLE);
        return { status: 'error', reason: changeFeed.reason, database, changeFeed };
      }
      return { status: 'ok', database, changeFeed };
    } catch (error) {
      res.status(HttpStatus.SERVICE_UNAVAILABLE);
      const reason = `database down: ${(error as Error).message}`;
      return { status: 'error', reason, database: { kind: this.config.database.kind, status: 'down', error: (error as Error).message }, changeFeed };
    }
  }
}
