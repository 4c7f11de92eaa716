import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { warmUpExactPlanner } from '../domain/pathways/solver-warm-up';

/** How long after boot the warm-up starts, so it never delays start-up or the first requests. */
export const WARM_UP_DELAY_MS = 3000;

/**
 * Warms the exact planner (HiGHS WebAssembly) once per process, off the boot path: a few seconds
 * after start-up, fire and forget (the solves block the event loop briefly). Skipped when
 * NODE_ENV=test.
 */
@Injectable()
export class PathwaySolverWarmUp implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('PathwayPlanner');
  private timer: NodeJS.Timeout | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  onApplicationBootstrap(): void {
    if (this.config.nodeEnv === 'test') return;
    this.timer = setTimeout(() => {
      this.timer = null;
      warmUpExactPlanner()
        .then((r) => this.logger.log(`exact planner warmed up: ${r.solves} solves in ${r.elapsedMs} ms`))
        .catch((error: unknown) => this.logger.warn(`exact planner warm-up failed: ${String(error)}`));
    }, WARM_UP_DELAY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
