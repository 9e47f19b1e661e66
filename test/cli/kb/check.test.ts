import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { load as parseYaml } from 'js-yaml';
import { loadCuratedAnswers } from '../../../src/content/curated.js';
import { loadDocuments } from '../../../src/content/documents.js';
import { checkContent, checkExitCode, renderCheck } from '../../../src/cli/kb/check.js';
import { draftFor } from '../../../src/cli/kb/draft.js';
import { copyKnowledge, NEW_DOCUMENT, type KnowledgeCopy } from './knowledge-copy.js';

const CLI = join(__dirname, '..', '..', '..', 'src', 'cli', 'kb.js');

function kb(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('kb check', () => {
  let copy: KnowledgeCopy;
  beforeEach(() => (copy = copyKnowledge()));
  afterEach(() => copy.dispose());
  const options = () => ({ knowledgeDir: copy.knowledgeDir, dialogsDir: copy.dialogsDir });

  it('passes the bundled knowledge with a coverage row per document', () => {
    const r = kb(['check', '--knowledge', copy.knowledgeDir, '--dialogs', copy.dialogsDir]);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /0 error\(s\), 0 warning\(s\); 5 documents, 115 curated entries served/);
    for (const id of ['auth-whats-new', 'conditional-access-mfa', 'error-401', 'invalid-connection', 'token-lifetimes']) {
      assert.match(r.stdout, new RegExp(`^${id}\\s+ja\\s+\\d+\\s+\\d+\\s+\\d+\\s+\\d+$`, 'm'));
    }
  });

  it('reports every problem in one run, one line each, and exits 1', () => {
    // A changed document: a sentence two curated entries quote is reworded.
    const docFile = join(copy.knowledgeDir, 'invalid-connection.md');
    const text = readFileSync(docFile, 'utf8');
    const quoted = 'Power Automate の「接続」は、ユーザーの資格情報を使用して Azure AD からトークンを取得しています。';
    assert.ok(text.includes(quoted));
    writeFileSync(docFile, text.replace(quoted, 'Power Automate の接続は、資格情報で Entra ID からトークンを取得します。'));
    // Broken front matter, a broken glossary term, a near topic without names, a tree pointing nowhere.
    writeFileSync(join(copy.knowledgeDir, 'broken.md'), '---\ntitle: no id\n---\n本文');
    writeFileSync(join(copy.knowledgeDir, 'glossary.yaml'), readFileSync(join(copy.knowledgeDir, 'glossary.yaml'), 'utf8') + '  - en: [orphan]\n');
    writeFileSync(join(copy.knowledgeDir, 'near-topics.yaml'), readFileSync(join(copy.knowledgeDir, 'near-topics.yaml'), 'utf8') + '  kiosk: []\n');
    const tree = join(copy.dialogsDir, 'invalid-connection.yaml');
    writeFileSync(tree, readFileSync(tree, 'utf8').replace('next: symptom', 'next: nowhere'));

    const result = checkContent(options());
    const out = renderCheck(result, options());
    assert.equal(checkExitCode(result), 1);
    const lines = out.split('\n');
    assert.ok(lines.some((l) => /^error  knowledge\/broken\.md: front matter has no id$/.test(l)), out);
    assert.ok(lines.some((l) => /^error  knowledge\/glossary\.yaml: term #\d+: needs non-empty "en" and "ja" lists$/.test(l)), out);
    assert.ok(lines.some((l) => /^error  knowledge\/near-topics\.yaml: kiosk: needs a non-empty list/.test(l)), out);
    assert.ok(lines.some((l) => /^error  dialogs\/invalid-connection\.yaml: node "role": option "end-user" leads to missing node "nowhere"$/.test(l)), out);
    const broken = lines.filter((l) => /^error  knowledge\/answers\/mechanism\.yaml: [a-z0-9-]+: quote is not verbatim in "invalid-connection"/.test(l));
    assert.ok(broken.length >= 1, out);
    // The changed document is named with the entries to fix.
    const fix = lines.find((l) => l.startsWith('  knowledge/invalid-connection.md: '));
    assert.match(fix ?? '', /answers\/mechanism\.yaml: mechanism-connection-uses-tokens/);

    const r = kb(['check', '--knowledge', copy.knowledgeDir, '--dialogs', copy.dialogsDir]);
    assert.equal(r.status, 1);
  });

  it('lists every problem of one entry, not only the first', () => {
    const file = join(copy.knowledgeDir, 'answers', 'two-problems.yaml');
    writeFileSync(file, 'answers:\n  - id: two-problems\n    questions: { ja: [質問] }\n    answer: { ja: 答え, en: Answer }\n    citations: [{ doc: invalid-connection, quote: 存在しない引用です }]\n');
    const lines = checkContent(options()).problems.filter((p) => p.entry === 'two-problems').map((p) => p.message);
    assert.deepEqual(lines, ['questions are missing "en" phrasings', 'quote is not verbatim in "invalid-connection": 存在しない引用です']);
  });
});

describe('kb draft, then the owner fills in English', () => {
  let copy: KnowledgeCopy;
  beforeEach(() => (copy = copyKnowledge()));
  afterEach(() => copy.dispose());

  it('drafts the uncovered sections of a new document with verified quotes; to-do entries are refused with a warning until filled', () => {
    const docFile = join(copy.knowledgeDir, 'gateway-connections.md');
    writeFileSync(docFile, NEW_DOCUMENT);
    const before = checkContent({ knowledgeDir: copy.knowledgeDir, dialogsDir: copy.dialogsDir });
    const cov = before.coverage.find((c) => c.doc.id === 'gateway-connections')!;
    assert.equal(cov.citedPassages, 0);
    assert.deepEqual(cov.uncovered.map((s) => s.section.split(' > ').pop()), ['ゲートウェイの回復キー', 'ゲートウェイがオフラインになる場合']);

    const r = kb(['draft', docFile]);
    assert.equal(r.status, 0, r.stderr);
    const out = join(copy.knowledgeDir, 'answers', 'gateway-connections-draft.yaml');
    const draft = parseYaml(readFileSync(out, 'utf8')) as { answers: any[] };
    assert.equal(draft.answers.length, 2);
    const [key] = draft.answers;
    assert.ok(key.questions.ja.some((q: string) => q.includes('ゲートウェイの回復キー')));
    assert.ok(key.questions.ja.includes('ゲートウェイを別のコンピューターに移行するときは、回復キーが必要ですか'));
    assert.match(key.answer.ja, /^ゲートウェイを別のコンピューターに移行するときは、回復キーが必要です。/);
    assert.match(key.answer.en, /^TODO/);
    assert.match(key.questions.en[0], /^TODO/);
    assert.equal(key.citations[0].doc, 'gateway-connections');

    // Loaded, verified, but not served while marked to-do; the check says so and still passes.
    const { documents } = loadDocuments(copy.knowledgeDir);
    const loaded = loadCuratedAnswers(join(copy.knowledgeDir, 'answers'), documents);
    assert.equal(loaded.answers.some((a) => a.id.startsWith('gateway-connections')), false);
    assert.ok(loaded.errors.some((e) => /gateway-connections-draft\.yaml: answer "gateway-connections-\d+": still marked TODO/.test(e)));
    const pending = kb(['check', '--knowledge', copy.knowledgeDir, '--dialogs', copy.dialogsDir]);
    assert.equal(pending.status, 0);
    assert.match(pending.stdout, /^warning  knowledge\/answers\/gateway-connections-draft\.yaml: gateway-connections-\d+: still marked TODO/m);
    assert.equal(kb(['draft', docFile]).status, 1, 'an existing draft is not overwritten');

    // The owner writes the English: the entries are served and the sections covered.
    const filled = readFileSync(out, 'utf8')
      .replace(/'TODO: the English question for [^']*'/g, 'What do I need to know about this gateway topic?')
      .replace(/'TODO: the English answer[^']*'/g, 'The gateway needs attention as described in the cited passage.');
    writeFileSync(out, filled);
    const after = checkContent({ knowledgeDir: copy.knowledgeDir, dialogsDir: copy.dialogsDir });
    assert.deepEqual(after.problems, []);
    assert.equal(after.coverage.find((c) => c.doc.id === 'gateway-connections')!.uncovered.length, 0);
    assert.equal(after.curated.length, 117);
  });
});
