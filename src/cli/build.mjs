#!/usr/bin/env node
/**
 * The build: TypeScript (tsc, incremental) into dist/, then the search index and
 * dictionary cache into .cache/ (dist/src/cli/build-index.js). With --if-changed it
 * does nothing when the inputs are byte for byte those of the last build and its
 * outputs are still there, so `npm start` and `npm test` on a built tree go straight
 * to work. The inputs' names, sizes and modification times are compared first: when
 * none changed, no file is read; when some did (an edit, a checkout that only touched
 * times), the contents decide. Plain JavaScript: it runs before anything is compiled.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
/** What the outputs are made from: the compiled sources, the indexed knowledge, the compiler settings and the installed packages. */
const INPUTS = ['src', 'test', 'knowledge', 'tsconfig.json', 'package-lock.json'];
const STAMP = join(root, 'dist', '.build-stamp.json');

/** The input files, relative to the root, in a stable order. */
function inputFiles() {
  const found = [];
  for (const path of INPUTS) {
    const full = join(root, path);
    if (!existsSync(full)) continue;
    if (!statSync(full).isDirectory()) found.push(path);
    else for (const e of readdirSync(full, { withFileTypes: true, recursive: true })) if (e.isFile()) found.push(relative(root, join(e.parentPath, e.name)));
  }
  return found.sort();
}

function contentHash(files) {
  const hash = createHash('sha256');
  for (const f of files) hash.update(f).update('\0').update(readFileSync(join(root, f))).update('\0');
  return hash.digest('hex');
}

/** Names, sizes and modification times of the inputs: cheap to take, and changed by any edit. */
function statFingerprint(files) {
  const hash = createHash('sha256');
  for (const f of files) {
    const s = statSync(join(root, f));
    hash.update(`${f}\0${s.size}\0${s.mtimeMs}\0`);
  }
  return hash.digest('hex');
}

/** Everything the last build left that a run needs: the compiled server and the .cache files. */
function outputs() {
  const cache = join(root, '.cache');
  const cached = existsSync(cache) ? readdirSync(cache).map((f) => join('.cache', f)) : [];
  return [join('dist', 'src', 'server', 'main.js'), ...cached];
}

/** The last build's stamp, when its outputs are all still there. */
function lastBuild() {
  try {
    const stamp = JSON.parse(readFileSync(STAMP, 'utf8'));
    return stamp.outputs.length > 1 && stamp.outputs.every((f) => existsSync(join(root, f))) ? stamp : undefined;
  } catch {
    return undefined;
  }
}

const files = inputFiles();
const fingerprint = statFingerprint(files);
const last = process.argv.includes('--if-changed') ? lastBuild() : undefined;
if (last && last.fingerprint === fingerprint) process.exit(0);
const hash = contentHash(files);
if (last && last.hash === hash) {
  writeFileSync(STAMP, JSON.stringify({ ...last, fingerprint }) + '\n');
  process.exit(0);
}

/** Runs a build step; its own output says what went wrong, so a failure exits with its status and nothing more. */
function run(script, args) {
  try {
    execFileSync(process.execPath, [script, ...args], { cwd: root, stdio: 'inherit' });
  } catch (err) {
    process.exit(err.status || 1);
  }
}

/**
 * tsc never deletes: the output of a source that was removed or renamed would stay in
 * dist/, and mocha would go on running a test file that no longer exists.
 */
function removeOrphans() {
  for (const top of ['src', 'test']) {
    const dir = join(root, 'dist', top);
    if (!existsSync(dir)) continue;
    for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
      const m = /^(.*)\.js(\.map)?$/.exec(e.name);
      if (!e.isFile() || !m) continue;
      const source = join(root, relative(join(root, 'dist'), e.parentPath), `${m[1]}.ts`);
      if (!existsSync(source)) rmSync(join(e.parentPath, e.name));
    }
  }
}

run(createRequire(import.meta.url).resolve('typescript/bin/tsc'), ['-p', 'tsconfig.json']);
removeOrphans();
run(join(root, 'dist', 'src', 'cli', 'build-index.js'), []);
writeFileSync(STAMP, JSON.stringify({ hash, fingerprint, outputs: outputs() }) + '\n');
