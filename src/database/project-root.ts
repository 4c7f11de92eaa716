import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The folder holding the project's package.json, found from this file (works from src/ and dist/). */
export function projectRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'data'))) {
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}
