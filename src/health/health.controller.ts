import { Controller, Get, HttpCode, HttpStatus, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';

@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Liveness plus a round trip to the database. */
  @Get()
  @HttpCode(HttpStatus.OK)
  async health(@Res({ passthrough: true }) res: Response): Promise<Record<string, unknown>> {
    const started = Date.now();
    try {
      const [row] = await this.dataSource.query('SELECT version() AS version');
      return {
        status: 'ok',
        database: { kind: this.config.database.kind, status: 'up', latencyMs: Date.now() - started, version: String(row.version).split(' ').slice(0, 2).join(' ') },
      };
    } catch (error) {
      res.status(HttpStatus.SERVICE_UNAVAILABLE);
      return { status: 'error', database: { kind: this.config.database.kind, status: 'down', error: (error as Error).message } };
    }
  }
}
