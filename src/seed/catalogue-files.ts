import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../database/project-root';
import { SeedCatalogue } from './seed-data.types';

/** Reads the committed seed catalogue from data/catalogue/*.json. */
export function readCatalogue(dir = join(projectRoot(), 'data', 'catalogue')): SeedCatalogue {
  const read = <T>(name: string): T => JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as T;
  return {
    skills: read('skills'),
    broader: read('broader'),
    related: read('related'),
    occupations: read('occupations'),
    credentials: read('credentials'),
    jobs: read('jobs'),
  };
}
