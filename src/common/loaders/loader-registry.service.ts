import { Injectable } from '@nestjs/common';
import { LoaderKey } from './loader-key';
import { BatchFn, RequestLoaders } from './request-loaders';

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
