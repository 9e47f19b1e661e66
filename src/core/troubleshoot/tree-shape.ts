/**
 * The compiled check of a tree file's shape against its JSON Schema. Loading ajv and
 * compiling the schema is a large part of a start, and its result is the same until the
 * schema or ajv changes, so the build writes the compiled check as code into .cache/
 * (ajv's standalone code, the same checks and errors); a start loads that file, and
 * compiles the schema itself when the file is missing or was written for another schema.
 */
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ValidateFunction } from 'ajv';
import { repoRoot } from '../repo-root.js';
import { treeSchema } from './tree-schema.js';
import type { TreeData } from './types.js';
import { writeFileWhole } from '../write-whole.js';

const OPTIONS = { allErrors: true, discriminator: true, strict: false } as const;

export function treeShapeFile(): string {
  return join(repoRoot(), '.cache', 'tree-shape-check.js');
}

/** What the compiled check depends on: the schema, the options and ajv's version. */
function shapeHash(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { version } = require('ajv/package.json') as { version: string };
  return createHash('sha256').update(JSON.stringify([treeSchema, OPTIONS, version])).digest('hex');
}

function compiled(source = false): { ajv: import('ajv').default; check: ValidateFunction<TreeData> } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Ajv = (require('ajv') as typeof import('ajv')).default;
  const ajv = new Ajv({ ...OPTIONS, code: { source } });
  return { ajv, check: ajv.compile<TreeData>(treeSchema) };
}

/** The check written by the build when it is current, else the schema compiled now. */
export function treeShapeCheck(file = treeShapeFile()): ValidateFunction<TreeData> {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const saved = require(file) as ValidateFunction<TreeData> & { hash?: string };
    if (typeof saved === 'function' && saved.hash === shapeHash()) return saved;
  } catch {
    // Missing or unreadable: compiled below.
  }
  return compiled().check;
}

/** Writes the compiled check as a module (temp file and rename, so a start never reads half a file). */
export function writeTreeShapeCheck(file = treeShapeFile()): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const standaloneCode = (require('ajv/dist/standalone') as typeof import('ajv/dist/standalone')).default;
  const { ajv, check } = compiled(true);
  const code = `${standaloneCode(ajv, check)}\nmodule.exports.hash = ${JSON.stringify(shapeHash())};\n`;
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileWhole(file, code);
}
