import assert from 'node:assert/strict';
import type { TurnContext } from 'botbuilder';
import type { TurnInput } from '../../src/bot/input.js';
import { routeMessage } from '../../src/bot/route.js';
import { nullLogger, type BotServices } from '../../src/bot/services.js';
import type { Turn } from '../../src/bot/turn.js';
import { allText, cards, Conversation, sharedServices, startBot } from '../server/helpers.js';
import { fakeTroubleshooter } from './fakes.js';

const knowledge = { ask: () => ({ answered: false, answers: [] }) } as unknown as BotServices['knowledge'];
/** The two-question fake walker, with a classifier: "フローが止まった" reports a problem, anything else asks. */
const classifying = {
  ...fakeTroubleshooter,
  detectIntent: (text: string) => (/フローが止まった/.test(text) ? { intent: true, kind: 'report' as const } : { intent: false, kind: 'question' as const }),
};
const services: BotServices = { knowledge, troubleshoot: classifying };

function turnOf(input: Partial<TurnInput>, walk?: unknown): Turn {
  return {
    context: {} as TurnContext,
    input: { text: '', fromCard: false, ...input },
    lang: 'ja',
    conversation: walk === undefined ? {} : { walk },
    user: {},
    replies: [],
    events: [],
  };
}

const route = (input: Partial<TurnInput>, walk?: unknown, svc: BotServices = services) => routeMessage(turnOf(input, walk), svc, nullLogger);

describe('bot: routing a message', function () {
  it('without a walk: empty, command, stray step answer, problem report or question', () => {
    assert.equal(route({}).kind, 'empty');
    assert.deepEqual(route({ text: 'ヘルプ' }), { kind: 'command', command: 'help' });
    assert.deepEqual(route({ text: '終了' }), { kind: 'command', command: 'cancel' });
    for (const stray of [{ text: '1' }, { text: '戻る' }, { choice: 'recent' }]) assert.equal(route(stray).kind, 'no-walk', JSON.stringify(stray));
    assert.equal(route({ text: 'フローが止まった' }).kind, 'walk-start');
    assert.deepEqual(route({ text: '診断して' }), { kind: 'command', command: 'troubleshoot' }, 'asking for the diagnosis is the command');
    assert.deepEqual(route({ text: '接続が無効になるのはなぜですか？' }), { kind: 'question', duringWalk: false });
  });

  it('a bare "OK" or 👍 is small talk without a walk; during one it answers the step if it can, else shows the step again', () => {
    for (const text of ['OK', '了解です', '👍']) assert.deepEqual(route({ text }), { kind: 'small-talk', talk: 'ack' }, text);
    assert.equal(route({ text: '👍' }, { node: 'q1' }).kind, 'walk-again');
    assert.deepEqual(route({ text: 'ありがとう' }, { node: 'q1' }), { kind: 'small-talk', talk: 'thanks' });
    const atOutcome = { node: 'out' };
    const yes = route({ text: 'はい' }, atOutcome);
    assert.equal(yes.kind, 'walk-move', '"はい" answers "did this solve it?" before it is small talk');
  });

  it('a problem asked as a question is answered with the diagnosis offered, or diagnosed when there is no answer', async () => {
    const unclear = { ...fakeTroubleshooter, detectIntent: () => ({ intent: false, kind: 'unclear' as const, facts: { text: 'x' } }) };
    const bot = await startBot({ services: { ...(await sharedServices()), troubleshoot: unclear } });
    try {
      const answered = allText(await new Conversation(bot.url).say('接続が無効になるのはなぜですか'));
      assert.match(answered, /\[1\][\s\S]*「診断」と送ってください/, 'the answer, then the offer');
      const declined = await new Conversation(bot.url).say('zzzz 接続 qqqq どうしたらいいですか');
      assert.match(allText(declined), /接続はいつから無効ですか/, 'no answer: the diagnosis starts');
      assert.doesNotMatch(allText(declined), /見つかりませんでした/);
    } finally {
      await bot.close();
    }
  });

  it('during a walk: a move, an unknown button, a problem report, a free question; a command still comes first', () => {
    const atQ1 = { node: 'q1' };
    const move = route({ text: '1' }, atQ1);
    assert.equal(move.kind, 'walk-move');
    assert.deepEqual(move.kind === 'walk-move' && move.move.state, { node: 'q2' });
    assert.equal(route({ choice: 'recent', text: '1' }, atQ1).kind, 'walk-move');
    assert.equal(route({ choice: 'no-such-option' }, atQ1).kind, 'walk-unknown-choice');
    assert.equal(route({ text: 'フローが止まった' }, atQ1).kind, 'walk-again');
    assert.deepEqual(route({ text: '接続が無効になるのはなぜですか？' }, atQ1), { kind: 'question', duringWalk: true });
    assert.deepEqual(route({ text: 'やり直し' }, atQ1), { kind: 'command', command: 'restart' });
  });

  it('nothing to read, files alone, or a number that is no option: each said so, never searched', () => {
    for (const text of ['?', '…', '！？', '。。。']) assert.equal(route({ text }).kind, 'empty', text);
    assert.equal(route({ text: '?' }, { node: 'q1' }).kind, 'empty', 'also during a walk');
    assert.equal(route({ attachments: 1 }).kind, 'attachments-only');
    assert.equal(route({ text: '...', attachments: 2 }, { node: 'q1' }).kind, 'attachments-only');
    assert.deepEqual(route({ text: '5' }, { node: 'q1' }), { kind: 'walk-no-such-option', number: 5, options: 2 });
    assert.deepEqual(route({ text: '3番' }, { node: 'out' }), { kind: 'walk-no-such-option', number: 3, options: 2 }, 'at an outcome, its "did this solve it?" options');
    assert.equal(route({ text: '2' }, { node: 'q1' }).kind, 'walk-move');
  });

  it('a walk the engine cannot read, or no engine loaded: said so, never a crash', () => {
    const unreadable = { ...classifying, apply: () => { throw new Error('not a walk state'); } };
    assert.equal(route({ text: '1' }, { node: 'gone' }, { knowledge, troubleshoot: unreadable }).kind, 'walk-broken');
    assert.equal(route({ text: '1' }, { node: 'q1' }, { knowledge }).kind, 'walk-not-loaded');
  });

  it('applies a message to the walk once, whether it is an answer or a free question', async () => {
    let applies = 0;
    const counting = { ...fakeTroubleshooter, apply: (...args: Parameters<typeof fakeTroubleshooter.apply>) => (applies++, fakeTroubleshooter.apply(...args)) };
    const bot = await startBot({ services: { ...(await sharedServices()), troubleshoot: counting } });
    try {
      const c = new Conversation(bot.url);
      await c.say('診断');
      applies = 0;
      const mid = await c.say('接続が無効になるのはなぜですか？');
      assert.match(allText(mid), /診断は途中/);
      assert.equal(applies, 1, 'a free question mid-walk');
      applies = 0;
      const q2 = await c.say('1');
      assert.match(cards(q2)[0].fallbackText, /パスワード/);
      assert.equal(applies, 1, 'an answer');
    } finally {
      await bot.close();
    }
  });

});
