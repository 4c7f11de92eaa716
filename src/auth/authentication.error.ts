/** A bearer token that is missing, malformed, expired, wrongly signed or carries bad claims. */
export class AuthenticationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuthenticationError';
  }
}
