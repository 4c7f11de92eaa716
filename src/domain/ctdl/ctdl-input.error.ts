/** A CTDL document skillstack cannot import: `path` names the resource or property, `reason` says what is wrong. */
export class CtdlInputError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
    this.name = 'CtdlInputError';
  }
}
