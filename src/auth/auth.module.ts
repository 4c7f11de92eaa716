import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { AccessFactsRepository } from './access-facts.repository';
import { AdvisorAssignmentResolver } from './advisor-assignment.resolver';
import { AdvisorAssignmentRepository } from './advisor-assignment.repository';
import { AdvisorAssignmentService } from './advisor-assignment.service';
import { AuthorizationGuard } from './authorization.guard';
import { GqlThrottlerGuard } from './gql-throttler.guard';
import { resolveJwtSecret } from './jwt-secret';
import { TokenService } from './token.service';

/**
 * Authentication (bearer JWTs, checked while the GraphQL context is built), authorization (one
 * table, one global guard), per-token rate limits and advisor assignments. Guard order: rate
 * limit first (refused calls count too), then authorization.
 */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ throttlers: [{ name: 'default', ttl: 60_000, limit: config.rateLimitPerMinute }] }),
    }),
  ],
  providers: [
    { provide: TokenService, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new TokenService(resolveJwtSecret(config).secret, config.authTokenMaxTtlSeconds) },
    AccessFactsRepository,
    AdvisorAssignmentRepository,
    AdvisorAssignmentService,
    AdvisorAssignmentResolver,
    { provide: APP_GUARD, useClass: GqlThrottlerGuard },
    { provide: APP_GUARD, useClass: AuthorizationGuard },
  ],
  exports: [TokenService, AdvisorAssignmentService],
})
export class AuthModule {}
