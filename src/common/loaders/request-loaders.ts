import DataLoader from 'dataloader';
import { LoaderKey } from './loader-key';

export type BatchFn<K, V> = (keys: readonly K[]) => Promise<V[]>;

export class RequestLoaders {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  constructor(private readonly batchFns: ReadonlyMap<string, BatchFn<unknown, unknown>>) {}

  get<K, V>(key: LoaderKey<K, V>): DataLoader<K, V> {
    let loader = this.loaders.get(key.name);
    if (!loader) {
      const batch = this.batchFns.get(key.name);
      if (!batch) throw new Error(`no loader registered for ${key.name}`);
      loader = new DataLoader(batch, { maxBatchSize: 1000 });
      this.loaders.set(key.name, loader);
    }
    return loader as unknown as DataLoader<K, V>;
  }
}
