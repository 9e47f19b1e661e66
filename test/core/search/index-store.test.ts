import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildIndex, loadIndex, packageVersion, saveIndex, type SearchIndex } from '../../../src/core/search/index-store.js';
import type { KnowledgeBase } from '../../../src/core/search/knowledge-base.js';
import { searchTerm } from '../../../src/core/search/term-search.js';
import { repoRoot } from '../../../src/core/repo-root.js';
import { sharedKnowledgeBase } from './shared.js';

/** The saved index: what is loaded back is what was built, and a stale file is not loaded. */
describe('index store', function () {
  this.timeout(120000);
  let kb: KnowledgeBase;
  let index: SearchIndex;

  before(async () => {
    kb = await sharedKnowledgeBase();
    index = buildIndex('test', kb.passages, kb.documents, kb.curated, kb.analyzer);
  });

  /** Saves `saved` in a temporary folder and hands the file to `check`. */
  function withSavedIndex(saved: SearchIndex, check: (file: string) => void): void {
    const dir = mkdtempSync(join(tmpdir(), 'index-store-'));
    try {
      saveIndex(saved, join(dir, 'index.json'));
      check(join(dir, 'index.json'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('saves the index and loads it back with the same search results and quote sentences', () => {
    withSavedIndex(index, (file) => {
      const loaded = loadIndex(file, 'test');
      assert.ok(loaded);
      assert.equal(loadIndex(file, 'other hash'), undefined, 'a stale index is not loaded');
      assert.deepEqual(loaded.items, index.items);
      assert.deepEqual(loaded.quotes, index.quotes);
      assert.equal(loaded.miniSearch.documentCount, index.items.length);
      for (const term of ['接続', 'トークン', 'aadsts70008', 'maxinactivetime', '更新トークン']) {
        assert.deepEqual(searchTerm(loaded, term), searchTerm(index, term), term);
      }
    });
  });
});

/** The dictionaries inside packages are part of what the saved index's hash covers. */
describe('index hash: data packages', () => {
  it('reads the installed version of a package whose exports hide its package.json', () => {
    const lock = JSON.parse(readFileSync(join(repoRoot(), 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { version?: string }>;
    };
    for (const name of ['kuromoji', 'sudachi-synonyms-dictionary']) {
      const locked = lock.packages[`node_modules/${name}`]?.version;
      assert.ok(locked, `${name} is in the lockfile`);
      assert.equal(packageVersion(name), locked);
    }
  });
});
