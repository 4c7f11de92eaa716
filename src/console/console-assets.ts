import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { demoTokens } from '../auth/demo-tokens';
import { AppConfig } from '../config/app-config';
import { projectRoot } from '../database/project-root';

/** Where `npm run build` (vite build) puts the console and the GraphiQL page. */
export function consoleDir(): string {
  return join(projectRoot(), 'dist', 'web');
}

/** Everything the pages load comes from this service: the browser refuses any other address. */
export const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // mermaid and GraphiQL set inline styles on the elements they draw
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function sendPage(res: Response, dir: string, file: string): void {
  const path = join(dir, file);
  if (!existsSync(path)) {
    res.status(503).type('text/plain').send(`The web console is not built: run npm run build (it writes ${dir}).\n`);
    return;
  }
  res.setHeader('content-security-policy', CONSOLE_CSP);
  res.setHeader('cache-control', 'no-cache');
  res.sendFile(path);
}

/**
 * The web console at `/` (static files built from web/), the offline GraphiQL page at GET
 * /graphql for browsers, and outside production `GET /console/demo-tokens`: the demo token of
 * each role, the same ones `npm start` prints, for the console's role switcher and GraphiQL.
 */
export function mountConsole(app: INestApplication, config: AppConfig, dir = consoleDir()): void {
  const production = config.nodeEnv === 'production';
  app.use('/', (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (req.path === '/' || req.path === '/index.html') return sendPage(res, dir, 'index.html');
    if (req.path === '/graphql' && !production && req.accepts(['application/json', 'text/html']) === 'text/html' && !req.query.query) {
      return sendPage(res, dir, 'graphiql.html');
    }
    if (req.path === '/console/demo-tokens') {
      if (production) return next();
      res.setHeader('cache-control', 'no-store');
      demoTokens(app).then(
        (tokens) => res.json(tokens.map((t) => ({ role: t.role, sub: t.sub, candidate: t.candidate ?? null, token: t.token }))),
        next,
      );
      return;
    }
    next();
  });
  (app as NestExpressApplication).useStaticAssets(join(dir, 'assets'), { prefix: '/assets/', index: false, immutable: true, maxAge: '1y', fallthrough: false });
}
