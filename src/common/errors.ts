import { GraphQLError } from 'graphql';

/** The fixed error vocabulary of CONTRACT.graphql; each feature throws these, one formatter maps them. */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  RATE_LIMITED = 'RATE_LIMITED',
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

export interface FieldError {
  path: string;
  message: string;
}

/** An expected failure: its message and fields are safe to show to the caller. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldError[],
  ) {
    super(message);
    this.name = 'AppError';
  }

  toGraphQL(): GraphQLError {
    return new GraphQLError(this.message, {
      extensions: { code: this.code, ...(this.fields ? { fields: this.fields } : {}) },
    });
  }
}

export const badInput = (fields: FieldError[], message?: string): AppError =>
  new AppError(
    ErrorCode.BAD_USER_INPUT,
    message ?? `Invalid input: ${fields.map((f) => `${f.path}: ${f.message}`).join('; ')}`,
    fields,
  );
export const badField = (path: string, message: string): AppError => badInput([{ path, message }]);
export const notFound = (what: string): AppError => new AppError(ErrorCode.NOT_FOUND, `${what} not found`);
export const conflict = (message: string): AppError => new AppError(ErrorCode.CONFLICT, message);
export const forbidden = (message = 'Not allowed'): AppError => new AppError(ErrorCode.FORBIDDEN, message);
export const unauthenticated = (message = 'A valid API token is required (Authorization: Bearer <token>)'): AppError =>
  new AppError(ErrorCode.UNAUTHENTICATED, message);

// PostgreSQL SQLSTATEs that mean "the database is not reachable right now", not "the request was wrong".
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300', '08000', '08001', '08003', '08004', '08006']);
const UNAVAILABLE_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH']);

export function isDatabaseUnavailable(err: unknown): boolean {
  let e = err as { code?: string; message?: string; cause?: unknown; driverError?: unknown } | undefined;
  for (let depth = 0; e && depth < 4; depth++) {
    if (e.code && (UNAVAILABLE_SQLSTATES.has(e.code) || UNAVAILABLE_ERRNOS.has(e.code))) return true;
    if (/Connection terminated|connection timeout|Connection refused|timeout exceeded when trying to connect/i.test(e.message ?? ''))
      return true;
    e = (e.driverError ?? e.cause) as typeof e;
  }
  return false;
}

/**
 * Text PostgreSQL cannot store: a NUL character in text (22021) or jsonb (22P05), or a lone surrogate in jsonb
 * (22P02 "invalid input syntax for type json"). The caller's data, never a server fault: arguments are checked for
 * it up front (InputValidationPipe), this catches what arrives another way (the values inside an imported file).
 */
export function isUnstorableText(err: unknown): boolean {
  const e = ((err as { driverError?: unknown })?.driverError ?? err) as { code?: string; message?: string };
  return e?.code === '22021' || e?.code === '22P05' || (e?.code === '22P02' && /type json/.test(e.message ?? ''));
}

export const UNSTORABLE_TEXT =
  'The input holds text that cannot be stored (a NUL character \\u0000, or half a surrogate pair): remove it and try again';

/** PostgreSQL unique violation (23505), optionally of one named constraint. */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const e = ((err as { driverError?: unknown })?.driverError ?? err) as { code?: string; constraint?: string };
  return e?.code === '23505' && (!constraint || e.constraint === constraint);
}
