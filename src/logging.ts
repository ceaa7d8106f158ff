import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Params } from 'nestjs-pino';
import type { AppConfig } from './config/config.schema.js';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

function operationName(req: IncomingMessage & { body?: { operationName?: unknown; query?: unknown } }): string | undefined {
  const body = req.body;
  if (!body || typeof body !== 'object') return undefined;
  if (typeof body.operationName === 'string') return body.operationName;
  const m = typeof body.query === 'string' ? /^\s*(query|mutation|subscription)\s+(\w+)/.exec(body.query) : null;
  return m?.[2];
}

/**
 * JSON logs, one line per request with its id, the GraphQL operation and the duration. Headers are not logged at
 * all (Authorization carries the token); only method, path and the request id.
 */
export function loggerParams(config: AppConfig): Params {
  return {
    pinoHttp: {
      level: config.LOG_LEVEL,
      genReqId: (req, res) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      redact: { paths: ['req.headers', 'headers.authorization', '*.authorization', '*.token', 'token'], censor: '[redacted]' },
      customProps: (req) => {
        const op = operationName(req as never);
        return op ? { operationName: op } : {};
      },
      autoLogging: { ignore: (req) => req.url === '/health' },
    },
  };
}
