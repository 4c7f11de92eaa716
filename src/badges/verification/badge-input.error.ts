/**
 * Thrown for input that cannot be treated as a credential at all. The caller
 * (the Nest layer) maps it to a GraphQL BAD_USER_INPUT error and shows
 * `reason` to the user. Verification *failures* of well-formed credentials are
 * never thrown: they come back as results with status FAILED.
 */
export type BadgeInputErrorCode =
  | 'TOO_LARGE'
  | 'NOT_JSON_OR_JWT'
  | 'UNKNOWN_CREDENTIAL_TYPE'
  | 'CONTEXT_NOT_BUNDLED'
  | 'MALFORMED';

export class BadgeInputError extends Error {
  readonly code: BadgeInputErrorCode;
  readonly reason: string;

  constructor(code: BadgeInputErrorCode, reason: string) {
    super(reason);
    this.name = 'BadgeInputError';
    this.code = code;
    this.reason = reason;
  }
}
