import assert from 'node:assert/strict';
import { normalizeChars } from '../../../src/core/analysis/char-filter.js';
import { englishContext, japaneseContext, type Range } from '../../../src/core/search/context-words.js';
import type { KnowledgeBase } from '../../../src/core/search/knowledge-base.js';
import { analyzerWith, sharedKnowledgeBase } from './shared.js';

const words = (text: string, ranges: Range[]) => ranges.map(([from, to]) => text.slice(from, to).trim());

describe("the asker's context in a question", function () {
  this.timeout(120000);
  let kb: KnowledgeBase;
  before(async () => {
    kb = await sharedKnowledgeBase();
  });

  describe('finding it', () => {
    const japanese = async (q: string) => {
      const a = await analyzerWith();
      const text = normalizeChars(q);
      return words(text, japaneseContext(text, a.rawTokens(q)));
    };

    it('a sentence that only introduces the asker', async () => {
      assert.deepEqual(await japanese('総務課の佐藤です。接続が切れます'), ['総務課の佐藤']);
      assert.deepEqual(await japanese('広報部の木村と申します。'), ['広報部の木村']);
      // Chat runs a greeting and an introduction on with commas.
      assert.deepEqual(await japanese('お疲れさまです、総務の佐藤です、接続が切れます'), ['総務の佐藤']);
      // A sentence saying what the asker wants is not an introduction.
      assert.deepEqual(await japanese('Teams の背景を変えたいです。'), []);
    });

    it("the words naming what the asker's flow is for, up to a relative clause", async () => {
      assert.deepEqual(await japanese('週次の出張申請フローの接続が無効'), ['週次の出張申請']);
      assert.deepEqual(await japanese('店舗の日次売上を集計するフローが止まった'), ['店舗の日次売上を集計する']);
      assert.deepEqual(await japanese('パスワードを変更したら、フローが止まった'), []);
      // A clause with both a place and an object.
      assert.deepEqual(await japanese('Teamsのチャネルに週報を投稿するフローが止まった'), ['チャネルに週報を投稿する']);
    });

    it("when it happened by the asker's clock: the time of day or of the week", async () => {
      assert.deepEqual(await japanese('夜中だけ接続エラーで落ちてた'), ['夜中']);
      assert.deepEqual(await japanese('朝いちで確認したら、休み明けから止まってた'), ['朝いち', '休み明け']);
      // How long it took is a duration, not a time of day.
      assert.deepEqual(await japanese('1時間後に無効になった'), []);
    });

    it('the words by which askers name their own organisation', async () => {
      assert.deepEqual(await japanese('うちの会社でMFAを必須にしたら'), ['うち']);
      assert.deepEqual(await japanese('弊社の環境では'), ['弊社']);
    });

    it('English: the words between a determiner and the flow they describe', () => {
      const q = 'our weekly expense approval flow broke, and the flow bot too';
      assert.deepEqual(words(q, englishContext(q)), ['weekly expense approval']);
      assert.deepEqual(englishContext('the flow failed after a password change'), []);
      // "that" here is the subject, not a determiner of the flow.
      assert.deepEqual(englishContext('does that break flows?'), []);
    });

    it('English: the clause after the flow telling what it does, up to the main verb', () => {
      const q = 'my flow that posts to a Teams channel says the connection is invalid';
      assert.deepEqual(words(q, englishContext(q)), ['posts to a Teams channel']);
      const r = 'the flow which copies attachments, fails since Monday';
      assert.deepEqual(words(r, englishContext(r)), ['copies attachments']);
      assert.deepEqual(englishContext('the flow that failed'), []);
    });
  });

  describe('answering', () => {
    // Each wrapped question gets the first answer of the question alone.
    for (const [wrapped, bare] of [
      ['総務課の佐藤です。パスワードを変更したら、週次の出張申請フローの接続は無効になりますか？', 'パスワードを変更したら接続は無効になりますか？'],
      ['お世話になっております。情報システム課の高橋でございます。毎朝の在庫報告フローで「無効な接続」と出ます。接続を修正するにはどうすればよいですか？', '接続を修正するにはどうすればよいですか？'],
      ['店舗の日次売上を集計するフローが、パスワードの期限切れのあとから動きません。接続は無効になりますか？', 'パスワードの期限切れのあと、接続は無効になりますか？'],
      ['my weekly timesheet reminder flow shows 無効な接続 after our admin reset my password. why?', 'my flow shows 無効な接続 after our admin reset my password. why?'],
    ]) {
      it(`answers a question wrapped in who asks and what their flow is for: ${wrapped}`, () => {
        const r = kb.ask(wrapped);
        assert.equal(r.answered, true);
        assert.equal(r.answers[0].id, kb.ask(bare).answers[0]?.id);
      });
    }

    it("answers a question naming the asker's own organisation as the question alone", () => {
      const r = kb.ask('うちの会社でMFAを必須にしたら、フローの接続はどうなる？');
      assert.equal(r.answered, true);
      const bare = kb.ask('MFAを必須にしたら、フローの接続はどうなる？').answers[0]?.id;
      assert.ok(r.answers.slice(0, 3).some((a) => a.id === bare), JSON.stringify(r.answers.map((a) => a.id)));
    });

    for (const q of [
      '総務課の佐藤です。Teams の背景を変えるにはどうすればいいですか？',
      'お疲れさまです、総務の佐藤です、Teams の背景を変えたいです',
      '総務課の佐藤です。Intune にデバイスを登録する手順を教えてください。',
      '広報部の木村です。Teams の会議を録画する方法を教えてください。',
      '人事部の小林です。勤怠アプリのライセンスはいくらですか？',
      '営業部の鈴木です。週次の売上集計フローの実行履歴は何日分残りますか？',
      'how do I share my weekly report flow with a coworker?',
      'うちは Teams の背景をロゴにしたい',
      // A product name's number is no error code that only the texts about it contain.
      '経理部です。Microsoft 365 の請求書をダウンロードしたいです。',
      'How do I add a shared mailbox in Microsoft 365?',
      // Building a flow: what it is to do is what the question asks about.
      '経費精算フローの作り方を教えてください',
      'how do I create a daily standup reminder flow?',
      'how do I make my daily sales digest flow post to a Teams channel as me instead of the flow bot?',
    ]) {
      it(`still declines a near-domain question: ${q}`, () => {
        const r = kb.ask(q);
        assert.equal(r.answered, false, JSON.stringify(r.answers.map((a) => a.id)));
      });
    }
  });
});
