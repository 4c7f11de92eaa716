import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { toAppConfig } from '../config/app-config';
import { loadEnvironment } from '../config/environment';
import { buildDataSourceOptions } from './data-source-options';

/** The data source the TypeORM CLI uses (migration:generate, migration:run, migration:revert). */
export default new DataSource(buildDataSourceOptions(toAppConfig(loadEnvironment()).database));
