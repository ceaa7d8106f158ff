import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { HttpException, Logger } from '@nestjs/common';
import type { GraphQLFormattedError } from 'graphql';
import { AppError, ErrorCode, isDatabaseUnavailable, isUnstorableText, UNSTORABLE_TEXT } from './errors.js';

const log = new Logger('graphql');

// GraphQL's and Apollo's own codes for a bad document or variables: their messages are safe and useful.
const PASS_THROUGH = new Set(['GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'BAD_USER_INPUT', 'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE']);
// GraphQL Armor's refusals (depth, cost, aliases, directives) and the parser's token limit.
const TOO_COMPLEX = /(depth limit|cost limit|aliases limit|token limit|directives limit|Query Cost|contains more tha[nt] \d+ tokens)/i;

function variablePath(message: string): FieldError[] | undefined {
  const m = /Variable "\$(\w+)" got invalid value .*?(?:at "([^"]+)")?;/s.exec(message);
  return m ? [{ path: m[2] ?? m[1], message }] : undefined;
}
type FieldError = { path: string; message: string };

/**
 * The one place that maps errors to what clients see: expected errors keep their code and message; anything
 * unexpected is masked (no stack, SQL or internal message) and logged with the request id by the plugin below.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
  if (original instanceof AppError) {
    return { ...base, message: original.message, extensions: { code: original.code, ...(original.fields ? { fields: original.fields } : {}) } };
  }
  if (isUnstorableText(original)) {
    return { ...base, message: UNSTORABLE_TEXT, extensions: { code: ErrorCode.BAD_USER_INPUT } };
  }
  if (isDatabaseUnavailable(original)) {
    return { ...base, message: 'The database is not available; try again shortly', extensions: { code: ErrorCode.SERVICE_UNAVAILABLE } };
  }
  if (original instanceof HttpException && original.getStatus() === 429) {
    return { ...base, message: 'Too many requests; slow down', extensions: { code: ErrorCode.RATE_LIMITED } };
  }
  if (TOO_COMPLEX.test(formatted.message)) {
    return { ...base, extensions: { code: ErrorCode.QUERY_TOO_COMPLEX } };
  }
  const code = formatted.extensions?.code as string | undefined;
  if (code && code in ErrorCode && code !== ErrorCode.INTERNAL_SERVER_ERROR && code !== 'BAD_USER_INPUT') {
    // Raised as a GraphQLError before resolvers run (authentication in the context factory).
    return { ...base, message: formatted.message.replace(/^Context creation failed: /, ''), extensions: { code } };
  }
  if (code && PASS_THROUGH.has(code)) {
    const fields = code === 'BAD_USER_INPUT' ? variablePath(formatted.message) : undefined;
    return { ...base, extensions: { code, ...(fields ? { fields } : {}) } };
  }
  return { ...base, message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}

/** Logs unexpected errors with the request id, and gives the masked ones that id so support can find the log. */
export function errorLoggingPlugin(): ApolloServerPlugin<BaseContext & { req?: { id?: unknown } }> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors(rc) {
          const requestId = rc.contextValue.req?.id;
          for (const err of rc.errors) {
            const original = unwrapResolverError(err);
            if (original instanceof AppError || !err.path) continue;
            if (original instanceof HttpException && original.getStatus() < 500) continue;
            log.error({ requestId, err: original, path: err.path?.join('.') }, 'resolver failed');
          }
        },
        async willSendResponse(rc) {
          const body = rc.response.body;
          if (body.kind !== 'single' || !body.singleResult.errors) return;
          for (const e of body.singleResult.errors) {
            if (e.extensions?.code === ErrorCode.INTERNAL_SERVER_ERROR || e.extensions?.code === ErrorCode.SERVICE_UNAVAILABLE) {
              (e.extensions as Record<string, unknown>).requestId = rc.contextValue.req?.id;
            }
          }
        },
      };
    },
  };
}
