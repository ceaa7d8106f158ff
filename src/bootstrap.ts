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
  app.useBodyParser('json', { limit: config.GRAPHQL_BODY_LIMIT });
  app.enableCors({ origin: config.CORS_ORIGINS.length ? config.CORS_ORIGINS : false });
  app.disable('x-powered-by');
  return app;
}
