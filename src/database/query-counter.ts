import { AbstractLogger, LogLevel, LogMessage, QueryRunner } from 'typeorm';

/** A TypeORM logger that counts queries (used by tests to bound N+1 patterns) and logs nothing else but failures. */
export class QueryCounter extends AbstractLogger {
  count = 0;

  constructor(private readonly onError: (message: string) => void = () => undefined) {
    super('all');
  }

  override logQuery(): void {
    this.count += 1;
  }

  override logQueryError(error: string | Error, query: string): void {
    this.onError(`query failed: ${error instanceof Error ? error.message : error} -- ${query.slice(0, 200)}`);
  }

  protected writeLog(_level: LogLevel, _message: LogMessage | LogMessage[], _queryRunner?: QueryRunner): void {
    // only counting
  }
}
