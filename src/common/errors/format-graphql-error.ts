import { HttpException } from '@nestjs/common';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { AppException } from './app.exception';
import { ErrorCode } from './error-code.enum';

const HTTP_STATUS_CODES: Record<number, ErrorCode> = {
  400: ErrorCode.BAD_USER_INPUT,
  401: ErrorCode.UNAUTHENTICATED,
  403: ErrorCode.FORBIDDEN,
  404: ErrorCode.NOT_FOUND,
  429: ErrorCode.TOO_MANY_REQUESTS,
};

/** Codes Apollo and graphql-js set themselves for malformed requests; kept as they are. */
const PASS_THROUGH = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

/** Constraint violations that only a concurrent write can trigger past the service checks. */
const CONSTRAINT_MESSAGES: Record<string, string> = {
  '23505': 'A record with the same unique value already exists',
  '23503': 'A referenced record does not exist or is still referenced',
  '23514': 'A value is out of its allowed range',
};

export type UnexpectedErrorSink = (error: unknown) => void;

/**
 * Maps every error to a client-safe shape: a code, a message, a field path for bad input,
 * and never a stack trace. Unknown errors are logged through `onUnexpected` and hidden.
 */
export function formatGraphqlError(onUnexpected: UnexpectedErrorSink) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = error instanceof GraphQLError ? error.originalError : error;
    const base = { locations: formatted.locations, path: formatted.path };
    if (original instanceof AppException) {
      return {
        ...base,
        message: original.message,
        extensions: { code: original.code, ...(original.field ? { field: original.field } : {}), ...(original.details ?? {}) },
      };
    }
    if (original instanceof QueryFailedError) {
      const constraintMessage = CONSTRAINT_MESSAGES[(original.driverError as { code?: string })?.code ?? ''];
      if (constraintMessage) return { ...base, message: constraintMessage, extensions: { code: ErrorCode.BAD_USER_INPUT } };
    }
    if (original instanceof HttpException) {
      const code = HTTP_STATUS_CODES[original.getStatus()] ?? ErrorCode.INTERNAL_SERVER_ERROR;
      return { ...base, message: original.message, extensions: { code } };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && PASS_THROUGH.has(code)) {
      const field = formatted.extensions?.field;
      return { ...base, message: formatted.message, extensions: { code, ...(typeof field === 'string' ? { field } : {}) } };
    }
    if (error instanceof GraphQLError && !error.originalError && typeof code === 'string' && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
      return { ...base, message: formatted.message, extensions: { code } };
    }
    onUnexpected(original ?? error);
    return { ...base, message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
  };
}
