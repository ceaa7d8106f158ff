import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { AppError, ErrorCode, isDatabaseUnavailable } from './errors.js';

const STATUS: Record<ErrorCode, number> = {
  BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, RATE_LIMITED: 429,
  QUERY_TOO_COMPLEX: 400, SERVICE_UNAVAILABLE: 503, INTERNAL_SERVER_ERROR: 500,
};

/** REST routes (renderings, exports, imports) answer errors in the same vocabulary as GraphQL. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly log = new Logger('http');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType<string>() !== 'http') throw exception;
    const ctx = host.switchToHttp();
    const res = ctx.getResponse<Response>();
    const req = ctx.getRequest<{ id?: unknown }>();
    let code: ErrorCode;
    let message: string;
    let fields: unknown;
    if (exception instanceof AppError) {
      ({ code, message, fields } = exception);
    } else if (isDatabaseUnavailable(exception)) {
      code = ErrorCode.SERVICE_UNAVAILABLE;
      message = 'The database is not available; try again shortly';
    } else if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      res.status(status).json(status === 429 ? { error: { code: ErrorCode.RATE_LIMITED, message: exception.message } } : body);
      return;
    } else {
      this.log.error({ requestId: req.id, err: exception }, 'request failed');
      code = ErrorCode.INTERNAL_SERVER_ERROR;
      message = 'Internal server error';
    }
    res.status(STATUS[code]).json({ error: { code, message, ...(fields ? { fields } : {}), requestId: req.id } });
  }
}
