import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDocuments } from '../../src/content/documents.js';
import { isVerbatimQuote } from '../../src/content/quotes.js';

const KNOWLEDGE = join(__dirname, '..', '..', '..', 'knowledge');

describe('knowledge documents', () => {
  it('loads the five bundled documents with their front matter', () => {
    const { documents, errors } = loadDocuments(KNOWLEDGE);
    assert.deepEqual(errors, []);
    assert.deepEqual(
      documents.map((d) => d.id),
      ['auth-whats-new', 'conditional-access-mfa', 'error-401', 'invalid-connection', 'token-lifetimes'],
    );
    const ic = documents.find((d) => d.id === 'invalid-connection')!;
    assert.equal(ic.authority, 'microsoft-support');
    assert.match(ic.url, /^https:\/\//);
    assert.ok(!ic.body.startsWith('---'));
  });

  it('reports a broken file by name and still loads the others', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-'));
    copyFileSync(join(KNOWLEDGE, 'error-401.md'), join(dir, 'error-401.md'));
    writeFileSync(join(dir, 'broken.md'), '---\ntitle: [unclosed\n---\nbody\n');
    writeFileSync(join(dir, 'no-id.md'), '---\ntitle: t\nurl: https://x\n---\nbody\n');
    const { documents, errors } = loadDocuments(dir);
    assert.deepEqual(documents.map((d) => d.id), ['error-401']);
    assert.equal(errors.length, 2);
    assert.match(errors.map((e) => e.message).join('\n'), /broken\.md: front matter is not valid YAML/);
    assert.match(errors.map((e) => e.message).join('\n'), /no-id\.md: front matter has no id/);
  });

  it('accepts verbatim quotes across width and whitespace differences, rejects invented ones', () => {
    const src = '接続が長期間 (90 日以上) 使用されていない\n[アクセス トークンは取り消すことはできず](https://x)';
    assert.ok(isVerbatimQuote('接続が長期間 (９０ 日以上)   使用されていない', src));
    assert.ok(isVerbatimQuote('アクセス トークンは取り消すことはできず', src));
    assert.ok(!isVerbatimQuote('接続が長期間 (30 日以上) 使用されていない', src));
    assert.ok(!isVerbatimQuote('   ', src));
  });
});
