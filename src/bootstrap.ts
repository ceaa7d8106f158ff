import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppModule, type AppOptions } from './app.module.js';

/** Builds the HTTP app (used by main.ts and the end-to-end tests alike). */
export async function createApp(options: AppOptions): Promise<NestExpressApplication> {
  const { config } = options;
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(options), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  // The GraphQL body limit; large imports stream through their own endpoint with its own limit.
  app.useBodyParser('json', {
    limit: config.GRAPHQL_BODY_LIMIT,
    // /imports streams its body (JSON files included) under IMPORT_BODY_LIMIT instead.
    type: (req: { url?: string; headers: Record<string, string | string[] | undefined> }) =>
      !req.url?.startsWith('/imports') && /\bjson\b/i.test(String(req.headers['content-type'] ?? '')),
  });
  app.enableCors({ origin: config.CORS_ORIGINS.length ? config.CORS_ORIGINS : false });
  app.disable('x-powered-by');
  return app;
}
