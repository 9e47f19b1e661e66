import assert from 'node:assert/strict';
import { join } from 'node:path';
import { loadDocuments } from '../../src/content/documents.js';
import { MAX_PASSAGE_CHARS, chunkDocument, findPassageForQuote, type Passage } from '../../src/content/passages.js';
import { foldForQuote, isVerbatimQuote } from '../../src/content/quotes.js';
import type { SourceDocument } from '../../src/content/types.js';

const KNOWLEDGE = join(__dirname, '..', '..', '..', 'knowledge');
const { documents } = loadDocuments(KNOWLEDGE);
const doc = (id: string): SourceDocument => documents.find((d) => d.id === id)!;
const chunks = (id: string): Passage[] => chunkDocument(doc(id));
const withText = (ps: Passage[], s: string): Passage[] => ps.filter((p) => foldForQuote(p.text).includes(foldForQuote(s)));

describe('structural chunking', () => {
  it('every passage of every document is quotable: small, with its id, section and range', () => {
    for (const d of documents) {
      const ps = chunkDocument(d);
      assert.ok(ps.length >= 10, `${d.id}: ${ps.length} passages`);
      for (const p of ps) {
        assert.equal(p.docId, d.id);
        assert.ok(p.start < p.end && p.end <= d.body.length, `${p.id} range`);
        // Table items carry their column header line: each line is still verbatim.
        assert.ok(p.text.length <= MAX_PASSAGE_CHARS + 150, `${p.id} is ${p.text.length} chars`);
        for (const line of p.text.split('\n').filter((l) => l.trim())) {
          assert.ok(isVerbatimQuote(line, d.body), `${p.id}: line not verbatim: ${line}`);
        }
      }
    }
  });

  it('drops web chrome (share, feedback, navigation lines)', () => {
    for (const d of documents) {
      for (const p of chunkDocument(d)) {
        for (const chrome of ['次の方法で共有', 'この情報は役に立ちましたか', 'フィードバックをお送りいただき', 'トレーニングの探索', '<!-- more -->']) {
          assert.ok(!p.text.includes(chrome), `${p.id} contains chrome "${chrome}"`);
        }
      }
    }
  });

  it('invalid-connection: Markdown headings, and every decision-table item is its own passage under its column', () => {
    const ps = chunks('invalid-connection');
    assert.ok(ps.some((p) => p.section === '(補足) 時間が経ってから接続が無効になる' || p.sectionPath.at(-1) === '(補足) 時間が経ってから接続が無効になる'));
    const reset = withText(ps, '管理者による Microsoft 365 管理センターでのパスワードのリセット');
    const item = reset.find((p) => p.sectionPath.at(-1) === '接続が無効になるケース');
    assert.ok(item, 'admin reset is an item of the "invalidates" column');
    assert.ok(item.text.startsWith('接続が無効になるケース\n'));
    const sso = withText(ps, 'Web 上でのシングルサインアウト').find((p) => p.sectionPath.at(-1) === '接続が無効にならないケース');
    assert.ok(sso, 'single sign-out is an item of the "does not invalidate" column');
    const columns = ['接続が無効になるケース', '接続が無効にならないケース'];
    const items = ps.filter((p) => columns.includes(p.sectionPath.at(-1) ?? ''));
    assert.equal(items.length, 11, 'seven causes and four non-causes');
    // The citation resolver picks the smallest passage holding a quote: the item.
    assert.equal(findPassageForQuote(doc('invalid-connection'), 'パスワードの有効期限切れ')?.sectionPath.at(-1), '接続が無効にならないケース');
  });

  it('conditional-access-mfa: plain-text headings 概要 and 影響 N: …, captions nest under them', () => {
    const ps = chunks('conditional-access-mfa');
    assert.ok(ps.some((p) => p.section === '概要'));
    const impact5 = withText(ps, 'Teams などの Microsoft サービスにフローが組み込まれている');
    assert.equal(impact5[0].sectionPath[0], '影響 5: 他の Microsoft サービスに組み込まれたフロー機能を使用する');
    assert.ok(impact5[0].text.startsWith('影響 5:'), 'the first passage of a section starts with its heading');
    const caption = withText(ps, 'サービスのアクセス トークンを更新するのには')[0];
    assert.equal(caption.sectionPath[0], '影響 1: 将来の実行での失敗');
    const maxInactive = withText(ps, 'AADSTS70008')[0];
    assert.ok(maxInactive.text.includes('MaxInactiveTime') && maxInactive.text.includes('90 日間'));
  });

  it('auth-whats-new: month headings hold change titles, effective-date lines stay body text', () => {
    const ps = chunks('auth-whats-new');
    const rc = withText(ps, 'RemoteConnect は、プライマリ更新トークンなど')[0];
    assert.deepEqual(rc.sectionPath, ['2023 年 10 月', '更新された RemoteConnect UX プロンプト']);
    assert.ok(rc.text.includes('発効日: 2023 年 10 月'));
    assert.ok(!ps.some((p) => p.sectionPath.some((s) => s.startsWith('発効日'))));
    const state = withText(ps, 'state パラメーター')[0];
    assert.equal(state.sectionPath[0], '2020 年 5 月');
    assert.match(state.sectionPath[1], /状態パラメーターを 2 回 URL エンコードしなくなります/);
  });

  it('token-lifetimes: sections follow the plain headings; the cmdlet tables stay with them', () => {
    const ps = chunks('token-lifetimes');
    assert.equal(withText(ps, 'New-MgApplicationTokenLifetimePolicyByRef')[0].section, 'アプリケーション ポリシー');
    assert.equal(withText(ps, 'New-MgPolicyTokenLifetimePolicy')[0].section, 'ポリシーの管理');
    assert.equal(withText(ps, 'NotOnOrAfter の値は')[0].section, 'SAML トークン');
    assert.ok(!ps.some((p) => p.text.startsWith('次の方法で共有')));
  });

  it('error-401: headings with ? and ! and long parenthesised titles are sections', () => {
    const ps = chunks('error-401');
    assert.equal(withText(ps, 'エラーハンドリング(エラーが発生した時')[0].section, 'エラーハンドリングの導入');
    assert.equal(withText(ps, '一時的にロックされたり')[0].section, 'アカウントが無効化されたり、ロックされたりした場合');
    assert.ok(ps.some((p) => p.section === '「401エラー」ってどんな意味?「認証ができない」というサイン'));
  });
});
