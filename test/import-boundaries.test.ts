import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const SRC = join(__dirname, '..', '..', 'src');

/** Every TypeScript file under src/ with the specifiers it imports or re-exports (type-only ones included). */
function sourceImports(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.endsWith('.ts')) {
        const text = readFileSync(p, 'utf8');
        const specs = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'";]*?\bfrom\s+'([^']+)'/g), ...text.matchAll(/\b(?:require|import)\(\s*'([^']+)'\s*\)/g)].map((m) => m[1]);
        out.set(p, specs);
      }
    }
  };
  walk(SRC);
  return out;
}

/** One import cycle among the files, as a list of paths relative to src/, or undefined. */
function findCycle(graph: Map<string, string[]>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string): string[] | undefined => {
    state.set(file, 'open');
    stack.push(file);
    for (const spec of graph.get(file) ?? []) {
      if (!spec.startsWith('.')) continue;
      const dep = resolve(dirname(file), spec.replace(/\.js$/, '.ts'));
      if (!graph.has(dep)) continue;
      if (state.get(dep) === 'open') return [...stack.slice(stack.indexOf(dep)), dep].map((f) => relative(SRC, f));
      if (!state.has(dep)) {
        const found = visit(dep);
        if (found) return found;
      }
    }
    stack.pop();
    state.set(file, 'done');
    return undefined;
  };
  for (const file of graph.keys()) {
    if (state.has(file)) continue;
    const found = visit(file);
    if (found) return found;
  }
  return undefined;
}

describe('source imports', () => {
  const graph = sourceImports();

  it('finds the modules and their imports', () => {
    assert.ok(graph.size > 50);
    assert.ok(graph.get(join(SRC, 'core', 'search', 'knowledge-base.ts'))?.includes('./knowledge-loader.js'));
  });

  it('has no import circle in src/', () => {
    assert.equal(findCycle(graph)?.join(' -> '), undefined);
  });

  it('detects a circle when there is one', () => {
    const a = join(SRC, 'a.ts');
    const b = join(SRC, 'b.ts');
    assert.deepEqual(findCycle(new Map([[a, ['./b.js']], [b, ['./a.js']]])), ['a.ts', 'b.ts', 'a.ts']);
  });

  it('reaches into kuromoji’s internals from the kuromoji adapter only', () => {
    const users = [...graph].filter(([, specs]) => specs.some((s) => s.startsWith('kuromoji/src/'))).map(([f]) => relative(SRC, f));
    assert.deepEqual(users, [join('core', 'analysis', 'kuromoji-adapter.ts')]);
  });

  it('keeps botbuilder out of the engine', () => {
    const core = [...graph].filter(([f]) => f.startsWith(join(SRC, 'core')) && graph.get(f)!.some((s) => s.startsWith('botbuilder')));
    assert.deepEqual(core.map(([f]) => relative(SRC, f)), []);
  });
});
