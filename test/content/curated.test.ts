import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveCitation } from '../../src/content/citations.js';
import { loadCuratedAnswers, parseCuratedFile } from '../../src/content/curated.js';
import { loadDocuments } from '../../src/content/documents.js';
import { parseGlossary } from '../../src/content/glossary.js';

const KNOWLEDGE = join(__dirname, '..', '..', '..', 'knowledge');
const { documents } = loadDocuments(KNOWLEDGE);

const entry = (id: string, quote: string, extra = ''): string => `
  - id: ${id}
    topic: test
    questions:
      ja: ["管理者がパスワードをリセットすると接続は無効になりますか", "パスワードのリセットで接続は切れる?"]
      en: ["Does an admin password reset invalidate my connection?", "Admin reset password connection"]
    answer:
      ja: "はい、無効になります。"
      en: "Yes, it does."
    citations:
      - doc: invalid-connection
        quote: "${quote}"
${extra}`;

describe('curated answers loading', () => {
  it('resolves citations to the chunker passage and section', () => {
    const c = resolveCitation({ doc: 'invalid-connection', quote: '管理者による Microsoft 365 管理センターでのパスワードのリセット' }, documents, 'x');
    assert.equal(c.section, 'Power Automate で「無効な接続」と表示される原因 > 接続が無効になるケース');
    assert.ok(c.passage.includes('管理者による Microsoft 365 管理センターでのパスワードのリセット'));
    assert.equal(c.title, documents.find((d) => d.id === 'invalid-connection')!.title);
  });

  it('rejects a fake quote loudly, naming the entry, and keeps the good entries (temp dir)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'answers-'));
    mkdirSync(join(dir, 'answers'));
    writeFileSync(
      join(dir, 'answers', 'a.yaml'),
      'answers:' +
        entry('good-entry', '管理者による Microsoft 365 管理センターでのパスワードのリセット') +
        entry('fake-quote-entry', '管理者がパスワードをリセットしても接続は無効になりません'),
    );
    const { answers, errors } = loadCuratedAnswers(join(dir, 'answers'), documents);
    assert.deepEqual(answers.map((a) => a.id), ['good-entry']);
    assert.equal(errors.length, 1);
    assert.match(errors[0], /a\.yaml: answer "fake-quote-entry": quote is not verbatim in "invalid-connection"/);
  });

  it('rejects an entry with a missing language, naming it', () => {
    const text = 'answers:' + entry('no-english', '管理者による Microsoft 365 管理センターでのパスワードのリセット').replace('      en: "Yes, it does."\n', '');
    const { answers, errors } = parseCuratedFile(text, 'b.yaml', documents);
    assert.equal(answers.length, 0);
    assert.match(errors[0], /answer "no-english": answer is missing "en"/);
  });

  it('resolves notes with their citations and rejects unknown documents', () => {
    const note = `    notes:
      - kind: conflict
        ja: "他の記事は逆を述べています。"
        en: "Another article says otherwise."
        citations: [{doc: error-401, quote: "これは最も一般的な原因です。"}]
`;
    const ok = parseCuratedFile('answers:' + entry('with-note', 'ユーザーによるパスワード変更', note), 'c.yaml', documents);
    assert.deepEqual(ok.errors, []);
    assert.equal(ok.answers[0].notes[0].kind, 'conflict');
    assert.equal(ok.answers[0].notes[0].citations[0].docId, 'error-401');
    const bad = parseCuratedFile('answers:' + entry('unknown-doc', 'x').replace('doc: invalid-connection', 'doc: nope'), 'd.yaml', documents);
    assert.match(bad.errors[0], /answer "unknown-doc": cites unknown document "nope"/);
  });

  it('parses the glossary format and reports broken terms by file', () => {
    const g = parseGlossary('terms:\n  - en: [refresh token, refresh tokens]\n    ja: [更新トークン]\n  - en: [x]\n', 'glossary.yaml');
    assert.deepEqual(g.entries, [{ en: ['refresh token', 'refresh tokens'], ja: ['更新トークン'] }]);
    assert.match(g.errors[0], /glossary\.yaml: term #2/);
  });
});
