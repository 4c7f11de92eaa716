/** A typed name for a per-request DataLoader. */
export class LoaderKey<K, V> {
  declare readonly _types?: [K, V];
  constructor(readonly name: string) {}
}
