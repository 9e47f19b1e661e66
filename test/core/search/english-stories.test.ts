/**
 * English symptom reports told as a story by people who do not know the documents' terms: the
 * key facts are in everyday words ("my automations", "the help desk wiped my laptop", "a heads up
 * when it breaks"), among chat shorthand and the people around the asker, and the message may
 * only thank the bot for the last answer.
 */
import assert from 'node:assert/strict';
import { smallTalkOf } from '../../../src/bot/language/small-talk.js';
import { englishDurations } from '../../../src/core/analysis/english.js';
import { englishContext } from '../../../src/core/search/context-words.js';
import type { KnowledgeBase } from '../../../src/core/search/knowledge-base.js';
import { questionForm } from '../../../src/core/search/query.js';
import { withoutReplyToAnswer } from '../../../src/core/search/question-frames.js';
import type { AskResult } from '../../../src/core/search/types.js';
import { sharedKnowledgeBase } from './shared.js';

const ids = (r: AskResult) => JSON.stringify(r.answers.slice(0, 3).map((a) => a.id));
/** Whether one of the first three answers quotes a passage containing the phrase. */
const inFirst = (r: AskResult, phrase: string, n: number) => r.answers.slice(0, n).some((a) => a.citations.some((c) => c.passage.includes(phrase) || c.quote.includes(phrase)));

describe('English symptom reports told as a story', function () {
  this.timeout(120000);
  let kb: KnowledgeBase;
  before(async () => {
    kb = await sharedKnowledgeBase();
  });

  it('the people around the asker are context, a client only as a person who did something', () => {
    const text = 'my colleague said hers broke and a customer complained; the client app is fine but a client called';
    const said = englishContext(text).map(([from, to]) => text.slice(from, to));
    assert.ok(said.includes('colleague') && said.includes('customer'), JSON.stringify(said));
    assert.equal(said.filter((w) => w === 'client').length, 1, JSON.stringify(said));
  });

  it('chat shorthand names nothing to look up', () => {
    const labels = kb.analyze('bc tbh idk, esp since he\'d said the flow was fine').concepts.map((c) => c.label.toLowerCase());
    for (const w of ['bc', 'tbh', 'idk', 'esp', 'hed']) assert.ok(!labels.includes(w), JSON.stringify(labels));
  });

  it('how often is no duration: "two days a week", "once a month", "3 times per day"', () => {
    for (const t of ['I work two days a week from a cafe', 'once a month it fails', 'it runs 3 times per day']) assert.deepEqual(englishDurations(t), [], t);
    assert.deepEqual(englishDurations('it ran 3 times per day for two weeks').map((d) => d.phrase), ['two weeks']);
  });

  it('a way to set how long something lasts asks how, not how long', () => {
    assert.equal(questionForm('someone said there is a way to set how long logins last. what is it called now?'), 'how');
    assert.equal(questionForm('how long do logins last?'), 'how-long');
  });

  it('a key pasted into a step is an API key or secret', () => {
    const c = kb.analyze('there is some long key thing he pasted into the step').concepts;
    assert.ok(c.some((x) => x.terms.includes(kb.analyze('APIキー').concepts[0]?.terms[0])), JSON.stringify(c.map((x) => x.terms.slice(0, 3))));
  });

  // What the story is of, the message, a phrase of the passage that answers it, and how far down it may be.
  const stories: [string, string, string, number][] = [
    [
      'own password change, told at length',
      'funny thing, I had to change my password yesterday because of the yearly reminder and I was sure my automations would all break, since my colleague had hers die after the helpdesk reset her password. nothing broke for me at all. is that expected?',
      'ユーザーによるパスワード変更',
      3,
    ],
    [
      'a wiped laptop removed from the system',
      'my work laptop got replaced on Friday and the help desk wiped the old one and removed it from the system. ever since, my flow that saves invoices to a shared folder keeps failing with a connection error. could that be why?',
      'デバイス登録の解除',
      // The answer on that cause, not the overview listing every cause.
      1,
    ],
    [
      'a boss retiring with everything under his name',
      'my boss is retiring in June and pretty much all of our team\'s automations were built under his name. what should we do before his account gets shut off so nothing stops?',
      'サービスアカウント',
      3,
    ],
    [
      'a checklist every month',
      'our team lead asked for a checklist so we stop getting surprised by broken connections. what should we check every month, especially after the password change reminders?',
      '定期的な接続の確認',
      3,
    ],
    [
      'a heads up as soon as it breaks',
      "I'd love a heads up the moment one of my flows stops, instead of hearing about it from the sales team days later. possible?",
      'エラーハンドリング',
      3,
    ],
    [
      'a company-laptops-only rule and the sign-off button in a document library',
      'IT turned on some "company laptops only" rule and since then the sign-off request button in our document library just errors out. coincidence?',
      '要求のサインオフ',
      1,
    ],
    [
      'a builder leaving, with the flow tied to one person',
      "our finance lead built the invoice reminder thing and she's leaving next month. we don't want it tied to one person anymore. what's the normal way to set this up so it keeps going?",
      'サービスアカウント',
      3,
    ],
    [
      'flows failing only on the days away from the office network',
      "I'm in the office three days a week and at a coffee shop the rest, and only on the coffee shop days do my flows fail. IT mentioned something about only allowing the company network. is that it?",
      '企業ネットワーク',
      3,
    ],
    [
      'told to use multi-factor on the road',
      'on a business trip this week and all my flows fail. repairing the connection tells me I need to use multi-factor because I signed in from a new location, but I only took my laptop with me',
      '新しい場所に移動したため',
      3,
    ],
  ];
  for (const [kind, q, phrase, n] of stories) {
    it(`answers a story of ${kind} with the passage on it ${n === 1 ? 'first' : `among the first ${n}`}`, () => {
      const r = kb.ask(q);
      assert.equal(r.answered, true, JSON.stringify(r.suggestions));
      assert.ok(inFirst(r, phrase, n), ids(r));
    });
  }

  describe('a message that only says the last answer worked', () => {
    for (const q of ['thanks, the re-auth did the trick! you\'re a legend', 'cheers, that fixed it, you rock', 'thx, the reconnect worked 🙏']) {
      it(`is no question for the knowledge base and is thanks for the bot: ${q}`, () => {
        assert.equal(kb.ask(q).answered, false, ids(kb.ask(q)));
        assert.equal(smallTalkOf(q), 'thanks');
      });
    }

    it('a flow that worked before is the problem told, not thanks', () => {
      for (const q of ['it worked fine before but now it fails with 401', 'the flow worked until yesterday', 'reconnecting worked but why did it break?']) {
        assert.equal(withoutReplyToAnswer(q), undefined, q);
        assert.equal(smallTalkOf(q), undefined, q);
      }
      assert.equal(kb.ask('it worked fine before but now it fails with 401').answered, true);
    });
  });
});
