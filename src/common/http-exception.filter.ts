import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { AppError, ErrorCode, isDatabaseUnavailable, isUnstorableText, UNSTORABLE_TEXT } from './errors.js';

const STATUS: Record<ErrorCode, number> = {
  BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, RATE_LIMITED: 429,
  QUERY_TOO_COMPLEX: 400, SERVICE_UNAVAILABLE: 503, INTERNAL_SERVER_ERROR: 500,
};

const HTTP_CODES: Record<number, ErrorCode> = {
  401: ErrorCode.UNAUTHENTICATED, 403: ErrorCode.FORBIDDEN, 404: ErrorCode.NOT_FOUND, 409: ErrorCode.CONFLICT, 429: ErrorCode.RATE_LIMITED,
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
    } else if (isUnstorableText(exception)) {
      code = ErrorCode.BAD_USER_INPUT;
      message = UNSTORABLE_TEXT;
    } else if (isDatabaseUnavailable(exception)) {
      code = ErrorCode.SERVICE_UNAVAILABLE;
      message = 'The database is not available; try again shortly';
    } else if (exception instanceof HttpException && exception.getStatus() < 500) {
      // Express and body-parser refusals (413 body too large, 400 malformed JSON): same vocabulary, same status.
      const status = exception.getStatus();
      const code = HTTP_CODES[status] ?? ErrorCode.BAD_USER_INPUT;
      res.status(status).json({ error: { code, message: exception.message, requestId: req.id } });
      return;
    } else if (exception instanceof HttpException) {
      // 5xx HttpExceptions keep their body (the health check's report)
      res.status(exception.getStatus()).json(exception.getResponse());
      return;
    } else {
      this.log.error({ requestId: req.id, err: exception }, 'request failed');
      code = ErrorCode.INTERNAL_SERVER_ERROR;
      message = 'Internal server error';
    }
    res.status(STATUS[code]).json({ error: { code, message, ...(fields ? { fields } : {}), requestId: req.id } });
  }
}
