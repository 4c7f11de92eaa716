import type { Request } from 'express';
import { RequestLoaders } from './loaders/loader-registry.service';

export interface GraphqlContext {
  req: Request;
  loaders: RequestLoaders;
}
