import assert from 'node:assert/strict';
import { smallTalkOf } from '../../../src/bot/language/small-talk.js';

describe('small talk', () => {
  it('recognises greetings, thanks, goodbyes, asking to ask and displeasure only as the whole message', () => {
    const cases: [string, string | undefined][] = [
      ['hello', 'greeting'],
      ['Hi!', 'greeting'],
      ['Good morning 😊', 'greeting'],
      ['こんにちは。', 'greeting'],
      ['よろしくお願いします！', 'greeting'],
      ['thanks', 'thanks'],
      ['Thank you so much!!', 'thanks'],
      ['ありがとう', 'thanks'],
      ['「ありがとう」', 'thanks'],
      ['ありがとうございました〜', 'thanks'],
      ['助かりました！', 'thanks'],
      ['お疲れ様です', 'tired'],
      ['おつかれさまです。', 'tired'],
      // Several in a row, or with words that add nothing: the strongest kind.
      ['了解です、ありがとうございました！', 'thanks'],
      ['いつもお世話になっております。', 'greeting'],
      ['hey bot, good morning', 'greeting'],
      ['cool, thanks for your help', 'thanks'],
      ['got it 👍', 'ack'],
      // Goodbyes, asking to ask (or testing the bot), and displeasure: each its own short reply.
      ['ではこれで失礼いたします', 'farewell'],
      ['ok bye!', 'farewell'],
      ['ありがとうございました、ではまた！', 'thanks'],
      ['お疲れさまです、ちょっと質問よろしいですか', 'preface'],
      ['Power Automate について相談です', 'preface'],
      ['hey, are you there?', 'preface'],
      ['testing 🙂', 'preface'],
      ['that is wrong', 'complaint'],
      ['全然違う…', 'complaint'],
      ['haha', 'ack'],
      ['うーん…', 'ack'],
      ['ww', 'ack'],
      ['🙏🙏', 'thanks'],
      ['huh? what do you mean', 'confused'],
      ['えっ、どういうことですか', 'confused'],
      ['🤔', 'confused'],
      ['ありがとうございます。早速試してみます！', 'trying'],
      ["ok thanks, I'll give it a try", 'trying'],
      ['すみません、SSPR って何ですか', undefined],
      ['what about the 403 then', undefined],
      ['question about conditional access', undefined],
      ['wrong code on the connection page', undefined],
      ['hello, my flow connection is invalid', undefined],
      ['ok so what about MFA', undefined],
      ['thanks, and what about 403?', undefined],
      ['ありがとう、でもまだ接続が切れます', undefined],
      ['thanks but it still fails', undefined],
      ['1', undefined],
      ['', undefined],
    ];
    for (const [text, kind] of cases) assert.equal(smallTalkOf(text), kind, text);
  });
});
