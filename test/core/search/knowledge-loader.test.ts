import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KnowledgeBase } from '../../../src/core/search/knowledge-base.js';
import { loadKnowledge } from '../../../src/core/search/knowledge-loader.js';
import { sharedKnowledgeBase, sharedTokenizer } from './shared.js';

const KNOWLEDGE = join(__dirname, '..', '..', '..', '..', 'knowledge');

describe('knowledge loader', function () {
  this.timeout(120000);

  it('loads the bundled knowledge without errors', async () => {
    const kb = await sharedKnowledgeBase();
    assert.deepEqual(kb.loadErrors, []);
    assert.equal(kb.documents.length, 5);
    assert.ok(kb.passages.length > 100);
  });

  it('collects the problems of a broken knowledge folder, or throws them when strict', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-broken-'));
    try {
      writeFileSync(join(dir, 'broken.md'), '---\nid: [unclosed\n---\nbody\n');
      const loaded = await loadKnowledge({ knowledgeDir: dir, indexFile: join(dir, 'index.json'), tokenizer: sharedTokenizer() });
      assert.ok(loaded.loadErrors.some((e) => e.includes('broken.md')), loaded.loadErrors.join('\n'));
      await assert.rejects(loadKnowledge({ knowledgeDir: dir, indexFile: join(dir, 'index.json'), tokenizer: sharedTokenizer(), strict: true }), /broken\.md/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('prebuilt index', () => {
    it('loads the saved index when fresh and rebuilds it when knowledge/ changes', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'kb-'));
      cpSync(KNOWLEDGE, join(dir, 'knowledge'), { recursive: true });
      const indexFile = join(dir, 'index.json');
      const first = await KnowledgeBase.open({ knowledgeDir: join(dir, 'knowledge'), indexFile, tokenizer: sharedTokenizer() });
      assert.equal(first.indexSource, 'rebuilt');
      const second = await KnowledgeBase.open({ knowledgeDir: join(dir, 'knowledge'), indexFile, tokenizer: sharedTokenizer() });
      assert.equal(second.indexSource, 'prebuilt');
      assert.deepEqual(second.ask('AADSTS70008').answers.map((a) => a.id), first.ask('AADSTS70008').answers.map((a) => a.id));
      // A new document dropped into knowledge/ is indexed on the next open.
      const extra = readFileSync(join(KNOWLEDGE, 'error-401.md'), 'utf8')
        .replace('id: error-401', 'id: extra-doc')
        .replace(/\n---\n/, '\n---\nズィーブラフォックスという特別な単語。\n\n');
      writeFileSync(join(dir, 'knowledge', 'extra-doc.md'), extra);
      const third = await KnowledgeBase.open({ knowledgeDir: join(dir, 'knowledge'), indexFile, tokenizer: sharedTokenizer() });
      assert.equal(third.indexSource, 'rebuilt');
      assert.equal(third.ask('ズィーブラフォックス').answers[0]?.citations[0].docId, 'extra-doc');
    });
  });
});
