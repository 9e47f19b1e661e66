import assert from 'node:assert/strict';
import { join } from 'node:path';
import { loadNearTopics } from '../../../src/content/near-topics.js';
import type { KnowledgeBase } from '../../../src/core/search/knowledge-base.js';
import { nearTopicsNamed, uncoveredNames } from '../../../src/core/search/near-topics.js';
import { defaultKnowledgeDir } from '../../../src/core/search/knowledge-loader.js';
import { sharedKnowledgeBase } from './shared.js';

describe('near topics: questions about products next to ours are declined', function () {
  this.timeout(120000);
  let kb: KnowledgeBase;
  before(async () => {
    kb = await sharedKnowledgeBase();
  });

  it('declines a question about a neighbouring product or feature, though it shares words with the documents', () => {
    for (const q of [
      'Our DLP policy blocks the SharePoint connector in one environment, how do I allow it?',
      'フローから同じメールが2通届くのはなぜ？',
      'Teamsのカメラが真っ暗で映らない。デバイスの設定どこ？',
      'Do I need an E5 licence to use conditional access with my flows?',
      'the PAD flow on our unattended machine group fails at sign in',
      'Why do my flows send duplicate emails to the same person?',
      'Intuneのアプリ保護ポリシーでフローのアプリがブロックされる',
    ]) {
      const r = kb.ask(q);
      assert.equal(r.answered, false, `${q} → ${r.answers[0]?.id}`);
    }
  });

  it('declines a long message about such a product, whatever its last sentence asks', () => {
    const r = kb.ask('Hi, last week we added a transport rule in Exchange for outgoing mail and set a disclaimer. Since then people complain about the footer. Does a password change break the connection?');
    assert.equal(r.answered, false, r.answers[0]?.id);
  });

  it('answers a question that names such a feature only as what the asker\'s flow does', () => {
    for (const q of [
      'My flow that posts to a Teams channel says the connection is invalid since the admin reset my password',
      'Teamsのチャネルに週報を投稿するフローが、管理者のパスワードリセットのあと「無効な接続」になりました',
    ]) {
      const r = kb.ask(q);
      assert.equal(r.answered, true, q);
      assert.ok(r.answers.slice(0, 3).some((a) => a.id === 'invalidate-admin-password-reset'), `${q} → ${r.answers.map((a) => a.id)}`);
    }
  });

  it('uses only the names no text of the knowledge contains', () => {
    const { topics } = loadNearTopics(join(defaultKnowledgeDir(), 'near-topics.yaml'));
    const names = uncoveredNames(topics, ['Intune でデバイスを登録します。', 'A desktop flow runs on a machine group.']);
    assert.ok(!names.includes('intune') && !names.includes('desktop flow') && !names.includes('machine group'));
    assert.ok(names.includes('dlp') && names.includes('共有メールボックス'));
  });

  it('looks for the names folded, however the file writes them', () => {
    const names = uncoveredNames([{ topic: 'kiosk', names: ['Kiosk Mode', 'ＫＩＯＳＫ'] }], ['nothing about it']);
    assert.deepEqual(names, ['kiosk mode', 'kiosk']);
  });

  it('finds an English name as whole words and a Japanese one anywhere', () => {
    const names = ['rpa', 'e5', 'shared mailbox', '共有メールボックス'];
    assert.deepEqual(nearTopicsNamed('set the rpath of the E5 box', names), ['e5']);
    assert.deepEqual(nearTopicsNamed('a Shared  Mailbox trigger', names), ['shared mailbox']);
    assert.deepEqual(nearTopicsNamed('共有 メールボックスに届いたら', names), ['共有メールボックス']);
  });
});

describe('a question for a length of time is answered only by a text stating one', function () {
  this.timeout(120000);
  let kb: KnowledgeBase;
  before(async () => {
    kb = await sharedKnowledgeBase();
  });

  it('declines "how many days" about a thing whose texts give only dates', () => {
    const r = kb.ask('How many days of run history can we keep in Power Automate?');
    assert.equal(r.answered, false, r.answers[0]?.id);
  });

  it('still answers "since when" with a date', () => {
    const r = kb.ask('いつから更新トークンの有効期間をポリシーで設定できなくなったの？');
    assert.equal(r.answered, true);
  });
});
