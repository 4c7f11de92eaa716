import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppModule, AppModuleOptions } from './app.module';
import { ErrorCode } from './common/errors/error-code.enum';
import { mountConsole } from './console/console-assets';

/** Request bodies larger than this are refused before anything runs (HTTP 413, BAD_USER_INPUT). */
export const MAX_BODY_BYTES = 1_048_576;

interface BodyParserError {
  type?: string;
  status?: number;
}

/** Body-parser refusals (too large, not JSON) as GraphQL-shaped errors instead of Express's HTML page. */
function bodyErrorHandler(error: BodyParserError, _req: unknown, res: { status(n: number): { json(body: unknown): void } }, next: (e?: unknown) => void): void {
  if (error?.type === 'entity.too.large') {
    res.status(413).json({
      errors: [{ message: `Request body larger than ${MAX_BODY_BYTES} bytes (1 MB): refused`, extensions: { code: ErrorCode.BAD_USER_INPUT, limit: MAX_BODY_BYTES } }],
    });
    return;
  }
  if (error?.type === 'entity.parse.failed') {
    res.status(400).json({ errors: [{ message: 'Request body is not valid JSON', extensions: { code: ErrorCode.BAD_USER_INPUT } }] });
    return;
  }
  next(error);
}

/** Creates the Nest application (not yet listening); shared by main.ts and the e2e tests. */
export async function createApp(options: AppModuleOptions): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(options), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.useBodyParser('json', { limit: MAX_BODY_BYTES });
  app.use(bodyErrorHandler);
  // signals are handled by main.ts (src/graceful-shutdown.ts): drain the HTTP server before anything closes
  mountConsole(app, options.config);
  return app;
}
