import { DynamicModule, Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { APP_ROLE } from './app-role';
import { ChangeFeedService } from './change-feed.service';
import { buildDataSourceOptions, DataSourceExtras } from './data-source-options';
import { QueryCounter } from './query-counter';
import { TransactionService } from './transaction.service';

export const DATA_SOURCE_EXTRAS = Symbol('DATA_SOURCE_EXTRAS');

/** Opens the database (PGlite or PostgreSQL), applies pending migrations, and closes it on shutdown. */
@Global()
@Module({})
export class DatabaseModule implements OnApplicationShutdown {
  private static readonly logger = new Logger('Database');

  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  static forRoot(extras: DataSourceExtras = {}): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        { provide: DATA_SOURCE_EXTRAS, useValue: extras },
        { provide: QueryCounter, useFactory: () => new QueryCounter((message) => DatabaseModule.logger.warn(message)) },
        {
          provide: DataSource,
          inject: [APP_CONFIG, QueryCounter],
          useFactory: async (config: AppConfig, counter: QueryCounter) => {
            const started = Date.now();
            const { dataSource, applied } = await DatabaseModule.open(config, extras, counter);
            const [{ role }]: { role: string }[] = await dataSource.query('SELECT current_user AS role');
            DatabaseModule.logger.log(
              `${config.database.kind} ready in ${Date.now() - started} ms, working as ${role}` + (applied.length ? `, applied ${applied.map((m) => m.name).join(', ')}` : ''),
            );
            return dataSource;
          },
        },
        TransactionService,
        ChangeFeedService,
      ],
      exports: [DataSource, QueryCounter, TransactionService, ChangeFeedService],
    };
  }

  /**
   * Migrations run as the owner; the application then works as APP_ROLE (src/database/app-role.ts).
   * PostgreSQL: a short-lived owner connection migrates, then the pool connects with DATABASE_URL.
   * PGlite has one session: it migrates, then switches to the role with SET ROLE.
   */
  private static async open(config: AppConfig, extras: DataSourceExtras, counter: QueryCounter): Promise<{ dataSource: DataSource; applied: { name: string }[] }> {
    const logged = { logger: counter, logging: ['query', 'error'] as ('query' | 'error')[] };
    if (config.database.kind !== 'postgres') {
      const dataSource = new DataSource({ ...buildDataSourceOptions(config.database, extras), ...logged });
      await dataSource.initialize();
      // typeorm-pglite keeps one PGlite instance per process: a second app in the same process (tests)
      // shares the session an earlier one switched to APP_ROLE, so migrate as the owner again first
      await dataSource.query('RESET ROLE');
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      await dataSource.query(`SET ROLE ${APP_ROLE}`);
      return { dataSource, applied };
    }
    const owner = new DataSource(buildDataSourceOptions(config.database, extras));
    await owner.initialize();
    let applied: { name: string }[];
    try {
      applied = await owner.runMigrations({ transaction: 'each' });
    } finally {
      await owner.destroy();
    }
    const dataSource = new DataSource({ ...buildDataSourceOptions(config.database, { ...extras, asApp: true }), ...logged });
    try {
      await dataSource.initialize();
    } catch (error) {
      throw new Error(
        `cannot connect as ${APP_ROLE}: ${(error as Error).message} (DATABASE_URL must log in as ${APP_ROLE}, or as a superuser or member of it; migrations use DATABASE_OWNER_URL)`,
      );
    }
    return { dataSource, applied };
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) {
      await this.dataSource.destroy();
      DatabaseModule.logger.log('database closed');
    }
  }
}
