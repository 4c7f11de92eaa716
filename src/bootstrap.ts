import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppModule, AppModuleOptions } from './app.module';

/** Creates the Nest application (not yet listening); shared by main.ts and the e2e tests. */
export async function createApp(options: AppModuleOptions): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(options), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  // room for a 1 MB credential document plus its JSON escaping; larger documents are refused by input validation
  app.useBodyParser('json', { limit: '3mb' });
  app.enableShutdownHooks();
  return app;
}
