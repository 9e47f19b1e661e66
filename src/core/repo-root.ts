import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * The repository root: the nearest folder above `from` with a package.json and a
 * knowledge/ folder (works from src/ and dist/src/). Bundled data and .cache/ live there.
 */
export function repoRoot(from: string = __dirname): string {
  let dir = resolve(from);
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'knowledge'))) return dir;
    const up = dirname(dir);
    if (up === dir) return resolve(from, '..', '..', '..');
    dir = up;
  }
}
