/** Raised by the document loader for anything that is not bundled or derivable offline. */
export class NetworkFetchRefusedError extends Error {
  readonly url: string;
  constructor(url: string) {
    super(`network fetch refused: ${url}`);
    this.name = 'NetworkFetchRefusedError';
    this.url = url;
  }
}
