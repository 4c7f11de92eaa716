import { DynamicModule, Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
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
            const options = buildDataSourceOptions(config.database, extras);
            const dataSource = new DataSource({ ...options, logger: counter, logging: ['query', 'error'] });
            const started = Date.now();
            await dataSource.initialize();
            const applied = await dataSource.runMigrations({ transaction: 'each' });
            DatabaseModule.logger.log(
              `${config.database.kind} ready in ${Date.now() - started} ms` + (applied.length ? `, applied ${applied.map((m) => m.name).join(', ')}` : ''),
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

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) {
      await this.dataSource.destroy();
      DatabaseModule.logger.log('database closed');
    }
  }
}
