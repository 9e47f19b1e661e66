import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { treeShapeCheck, treeShapeFile, writeTreeShapeCheck } from '../../../src/core/troubleshoot/tree-shape.js';
import { rawTree } from './trees.js';

/** Trees broken in several ways at once, so every error of the check is compared. */
function brokenTrees(): unknown[] {
  const noEnglish = rawTree();
  delete noEnglish.nodes.event.options[2].label.en;
  const extra = rawTree();
  extra.nodes.event.surplus = true;
  extra.title = 5;
  const badKind = rawTree();
  badKind.nodes.event.kind = 'maybe';
  return [noEnglish, extra, badKind, {}, 'a string'];
}

describe('troubleshooting trees: the compiled shape check', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'tree-shape-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('the check written by the build gives the errors the schema compiled at start gives', () => {
    const file = join(dir, 'check.js');
    writeTreeShapeCheck(file);
    const written = treeShapeCheck(file);
    const compiled = treeShapeCheck(join(dir, 'missing.js'));
    assert.notEqual(written, compiled);
    assert.equal(written(rawTree()), true);
    for (const tree of brokenTrees()) {
      assert.equal(written(tree), false);
      assert.equal(compiled(tree), false);
      assert.deepEqual(written.errors, compiled.errors);
    }
  });

  it('a check written for another schema is not used', () => {
    const file = join(dir, 'check.js');
    writeTreeShapeCheck(file);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/module\.exports\.hash = "[0-9a-f]+"/, 'module.exports.hash = "0"'));
    const check = treeShapeCheck(file) as ReturnType<typeof treeShapeCheck> & { hash?: string };
    assert.equal(check(rawTree()), true);
    assert.equal(check.hash, undefined);
  });

  it('the build wrote the check a start loads', () => {
    const check = treeShapeCheck() as ReturnType<typeof treeShapeCheck> & { hash?: string };
    assert.match(String(check.hash), /^[0-9a-f]{64}$/, `${treeShapeFile()} is current`);
  });
});
