import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Logger, Module } from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { randomUUID } from 'node:crypto';
import { LoggerModule } from 'nestjs-pino';
import { AuditModule } from './audit/audit.module';
import { authenticateRequest } from './auth/authentication';
import { AuthModule } from './auth/auth.module';
import { queryLimitsPlugin } from './auth/limits/query-limits.plugin';
import { TokenService } from './auth/token.service';
import { BadgesModule } from './badges/badges.module';
import { CandidatesModule } from './candidates/candidates.module';
import { formatGraphqlError } from './common/errors/format-graphql-error';
import { GraphqlContext } from './common/graphql-context';
import { LoaderRegistry } from './common/loaders/loader-registry.service';
import { LoadersModule } from './common/loaders/loaders.module';
import { InputValidationPipe } from './common/validation/input-validation.pipe';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DataSourceExtras } from './database/data-source-options';
import { DatabaseModule } from './database/database.module';
import { CredentialsModule } from './credentials/credentials.module';
import { CtdlModule } from './ctdl/ctdl.module';
import { FairnessModule } from './fairness/fairness.module';
import { HealthModule } from './health/health.module';
import { JobsModule } from './jobs/jobs.module';
import { MatchingModule } from './matching/matching.module';
import { OccupationsModule } from './occupations/occupations.module';
import { PathwaysModule } from './pathways/pathways.module';
import { SeedModule } from './seed/seed.module';
import { SkillsModule } from './skills/skills.module';
import { TaxonomyModule } from './taxonomy/taxonomy.module';

const PRETTY_OPTIONS = { colorize: true, singleLine: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,req,res,responseTime,context', messageFormat: '{if context}[{context}] {end}{msg}' };

/** Readable log lines in development when pino-pretty is installed; JSON in production and tests. */
export function readableLogs(config: Pick<AppConfig, 'nodeEnv'>): boolean {
  if (config.nodeEnv !== 'development') return false;
  try {
    require.resolve('pino-pretty');
    return true;
  } catch {
    return false;
  }
}

export interface AppModuleOptions {
  config: AppConfig;
  database?: DataSourceExtras;
}

@Module({})
export class AppModule {
  static forRoot(options: AppModuleOptions): DynamicModule {
    const { config } = options;
    const errorLogger = new Logger('GraphQL');
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            genReqId: (req, res) => {
              const incoming = req.headers['x-request-id'];
              const id = typeof incoming === 'string' && /^[\w-]{1,100}$/.test(incoming) ? incoming : randomUUID();
              res.setHeader('x-request-id', id);
              return id;
            },
            autoLogging: { ignore: (req) => req.url === '/health' || req.url?.startsWith('/assets/') === true },
            customSuccessMessage: (req, res, responseTime) => `${req.method} ${(req as { originalUrl?: string }).originalUrl ?? req.url} ${res.statusCode} ${Math.round(responseTime)} ms`,
            customErrorMessage: (req, res) => `${req.method} ${(req as { originalUrl?: string }).originalUrl ?? req.url} ${res.statusCode} failed`,
            // development: one readable line per entry (pino-pretty, a dev dependency); otherwise JSON
            transport: readableLogs(config) ? { target: 'pino-pretty', options: PRETTY_OPTIONS } : undefined,
            redact: ['req.headers.authorization', 'req.headers.cookie'],
          },
        }),
        DatabaseModule.forRoot(options.database),
        LoadersModule,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [AuthModule],
          inject: [LoaderRegistry, TokenService],
          useFactory: (loaders: LoaderRegistry, tokens: TokenService) => ({
            autoSchemaFile: true,
            sortSchema: true,
            path: '/graphql',
            // introspection only outside production; the GraphiQL page at GET /graphql is served
            // from the service's own assets by src/console/console-assets.ts (also outside production only)
            introspection: config.nodeEnv !== 'production',
            graphiql: false,
            playground: false,
            includeStacktraceInErrorResponses: false,
            plugins: [queryLimitsPlugin()],
            formatError: formatGraphqlError((error) => errorLogger.error(error instanceof Error ? error.stack ?? error.message : String(error))),
            // every request is authenticated before it is parsed (UNAUTHENTICATED, HTTP 401 otherwise)
            context: async ({ req }: { req: GraphqlContext['req'] }): Promise<GraphqlContext> => ({
              req,
              loaders: loaders.forRequest(),
              principal: await authenticateRequest(tokens, req.headers.authorization),
            }),
          }),
        }),
        AuthModule,
        HealthModule,
        SkillsModule,
        CredentialsModule,
        CandidatesModule,
        JobsModule,
        OccupationsModule,
        TaxonomyModule,
        MatchingModule,
        PathwaysModule,
        AuditModule,
        FairnessModule,
        BadgesModule,
        CtdlModule,
        SeedModule,
      ],
      providers: [{ provide: APP_PIPE, useClass: InputValidationPipe }],
    };
  }
}
