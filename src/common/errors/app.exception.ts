import { ErrorCode } from './error-code.enum';

/**
 * An error meant for the client: its message is shown as is, with `extensions.code`
 * and, for bad input, `extensions.field` (a path such as `input.requirements[0].level`).
 */
export class AppException extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppException';
  }

  static badInput(field: string, message: string, details?: Record<string, unknown>): AppException {
    return new AppException(ErrorCode.BAD_USER_INPUT, message, field, details);
  }

  static notFound(entity: string, id: string, field?: string): AppException {
    return new AppException(ErrorCode.NOT_FOUND, `${entity} ${id} not found`, field, { entity, id });
  }

  static forbidden(message = 'Forbidden'): AppException {
    return new AppException(ErrorCode.FORBIDDEN, message);
  }
}
