import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isVerbatimQuote } from '../../../src/content/quotes.js';
import { detectLang } from '../../../src/core/language.js';
import { exactKeys } from '../../../src/core/search/exact-lookup.js';
import { GlossaryExpander } from '../../../src/core/search/glossary-expansion.js';
import { KnowledgeBase } from '../../../src/core/search/knowledge-base.js';
import { devQuestions } from '../../bench/questions.js';
import { analyzerWith, sharedKnowledgeBase, sharedTokenizer } from './shared.js';


describe('knowledge base', function () {
  this.timeout(120000);
  let kb: KnowledgeBase;
  before(async () => {
    kb = await sharedKnowledgeBase();
  });

  describe('glossary expansion', () => {
    const entries = [
      { en: ['refresh token', 'refresh tokens'], ja: ['更新トークン', '更新 トークン'] },
      { en: ['token', 'tokens'], ja: ['トークン'] },
      { en: ['conditional access'], ja: ['条件付きアクセス'] },
      { en: ['sign out everywhere'], ja: ['すべてサインアウト'] },
    ];
    it('maps English phrases to analyzed Japanese terms, longest match first, folding plurals', async () => {
      const a = await analyzerWith(entries.flatMap((e) => [...e.ja, ...e.en]));
      const x = new GlossaryExpander(entries, a);
      const r = x.expand('Do refresh tokens expire under Conditional Access?');
      assert.deepEqual(r.matches.map((m) => m.phrase), ['refresh tokens', 'Conditional Access']);
      assert.equal(r.matches[0].terms[0], '更新トークン');
      assert.ok(r.matches[0].partial.includes('トークン'), 'the single word token is a partial alternative');
      assert.ok(r.matches[1].terms.includes('条件付きアクセス'));
      assert.deepEqual(r.rest.map((w) => w.raw), ['expire'], 'stop words dropped, unknown words kept as-is');
      assert.deepEqual(x.expand('sign-out everywhere').matches.map((m) => m.phrase), ['sign out everywhere']);
    });

    it('finds Japanese passages for English questions through the bundled glossary', () => {
      const r = kb.ask('Is the IP address someone signed in from kept inside the refresh token?');
      assert.equal(r.answered, true);
      assert.ok(r.answers.slice(0, 3).some((a) => a.citations.some((c) => c.docId === 'invalid-connection' && c.passage.includes('IP アドレス'))));
    });
  });

  describe('exact lookup', () => {
    it('recognises codes, setting names and cmdlets, not product names', () => {
      assert.deepEqual(exactKeys('AADSTS70008 と 401 と MaxInactiveTime と Get-MgPolicyTokenLifetimePolicy'), [
        'aadsts70008', '401', 'maxinactivetime', 'get-mgpolicytokenlifetimepolicy',
      ]);
      assert.deepEqual(exactKeys('PowerShell で SharePoint の Power Automate'), []);
      assert.deepEqual(exactKeys('ＡＡＤＳＴＳ５００７６'), ['aadsts50076']);
      // The number of a product name is no code: Microsoft 365 is mentioned in passing everywhere.
      assert.deepEqual(exactKeys('Microsoft 365 と Office 365 と M365 で error 401'), ['401']);
    });

    for (const [q, key] of [
      ['AADSTS70008', 'AADSTS70008'],
      ['エラー 50105 が出る', '50105'],
      ['What is Get-MgApplicationTokenLifetimePolicyByRef for?', 'Get-MgApplicationTokenLifetimePolicyByRef'],
      ['MaxAgeSingleFactor の既定値', 'MaxAgeSingleFactor'],
    ] as const) {
      it(`ranks passages containing ${key} first`, () => {
        const r = kb.ask(q);
        assert.equal(r.answered, true);
        const top = r.answers[0];
        const text = [top.text, ...top.citations.map((c) => c.passage)].join('\n');
        assert.ok(text.includes(key), `top answer ${top.id} lacks ${key}`);
      });
    }
  });

  describe('answers', () => {
    it('answers Japanese questions in Japanese with verbatim citations', () => {
      const r = kb.ask('Web 上でシングルサインアウトしたら接続はどうなる');
      assert.equal(r.lang, 'ja');
      assert.equal(detectLang(r.answers[0].text), 'ja');
      for (const a of r.answers) {
        for (const c of a.citations) {
          const doc = kb.documents.find((d) => d.id === c.docId)!;
          assert.ok(isVerbatimQuote(c.quote, doc.body), `${a.id}: ${c.quote}`);
          assert.ok(c.passage.includes(c.quote.split('\n')[0].slice(0, 10)) || isVerbatimQuote(c.quote, c.passage));
          assert.ok(c.title && c.url && typeof c.section === 'string');
        }
      }
    });

    it('gives an English asker English text; a passage answer gets an English gist with the Japanese quote cited', () => {
      const r = kb.ask('What is NotOnOrAfter in a SAML token?', { limit: 5 });
      assert.equal(r.lang, 'en');
      for (const a of r.answers) assert.equal(detectLang(a.text), 'en', a.text);
      const passage = r.answers.find((a) => a.kind === 'passage');
      assert.ok(passage, 'a passage among the answers');
      assert.match(passage.text, /quoted below in Japanese/);
      assert.equal(detectLang(passage.citations[0].quote), 'ja');
    });

    it('carries conflict/outdated notes of curated answers with resolved citations', () => {
      const withNotes = kb.curated.filter((c) => c.notes.length);
      assert.ok(withNotes.length > 0, 'the bundled content has curated entries with notes');
      const entry = withNotes[0];
      const r = kb.ask(entry.questions.en[0]);
      const a = r.answers.find((x) => x.id === entry.id);
      assert.ok(a, `asking its own phrasing finds ${entry.id}`);
      assert.ok(a.notes && a.notes.length === entry.notes.length);
      assert.equal(a.notes[0].text, entry.notes[0].text.en);
      assert.ok(a.notes[0].citations[0].passage.length > 0);
    });

    it('prefers Microsoft sources over the community article when both match', () => {
      const r = kb.ask('パスワードを変更すると接続は無効になりますか');
      const first = r.answers[0].citations[0];
      assert.notEqual(first.docId, 'error-401');
    });
  });

  it('ranks the Microsoft source above the community one when their text ties', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-auth-'));
    const body = '概要\n\nパスワードを変更すると接続は無効になります。\n';
    const doc = (id: string, authority: string): string =>
      `---\nid: ${id}\ntitle: ${id}\nurl: https://example.com/${id}\nauthority: ${authority}\nlang: ja\n---\n${body}`;
    writeFileSync(join(dir, 'a-community.md'), doc('a-community', 'community'));
    writeFileSync(join(dir, 'b-microsoft.md'), doc('b-microsoft', 'microsoft-docs'));
    const small = await KnowledgeBase.open({ knowledgeDir: dir, indexFile: join(dir, 'index.json'), tokenizer: sharedTokenizer() });
    const r = small.ask('パスワードを変更すると接続は無効になりますか');
    assert.deepEqual(r.answers.map((a) => a.citations[0].docId), ['b-microsoft', 'a-community']);
  });

  describe('declining', () => {
    for (const q of ['明日の天気を教えて', 'How do I bake sourdough bread?', 'Tell me a funny story', 'How do I install Node.js on a Mac?', '来週の部会の議事録を作って']) {
      it(`declines "${q}"`, () => {
        const r = kb.ask(q);
        assert.equal(r.answered, false);
        assert.deepEqual(r.answers, []);
      });
    }
    it('declines a bare number (a stray option number), but answers an error code or a number with a word', () => {
      for (const q of ['1', '２', '90', '3.5']) assert.equal(kb.ask(q).answered, false, q);
      for (const q of ['401', '90 日']) assert.equal(kb.ask(q).answered, true, q);
    });
  });

  it('answers the same with and without the search cache', async () => {
    const uncached = await KnowledgeBase.open({ tokenizer: sharedTokenizer(), searchCacheHits: 0 });
    for (const { q } of devQuestions()) {
      for (const lang of ['ja', 'en'] as const) assert.deepEqual(kb.ask(q, { lang }), uncached.ask(q, { lang }), q);
    }
  });
});
