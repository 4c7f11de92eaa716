import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { LoaderKey } from './loader-key';

type BatchFn<K, V> = (keys: readonly K[]) => Promise<V[]>;

/**
 * Modules register batch functions here once; each GraphQL request gets its own set of
 * DataLoaders (created lazily), so nested fields cost one query per field per request level.
 */
@Injectable()
export class LoaderRegistry {
  private readonly batchFns = new Map<string, BatchFn<unknown, unknown>>();

  register<K, V>(key: LoaderKey<K, V>, batch: BatchFn<K, V>): void {
    this.batchFns.set(key.name, batch as BatchFn<unknown, unknown>);
  }

  forRequest(): RequestLoaders {
    return new RequestLoaders(this.batchFns);
  }
}

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
