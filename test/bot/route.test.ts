import assert from 'node:assert/strict';
import { allText, cards, Conversation, sharedServices, startBot } from '../server/helpers.js';
import { fakeTroubleshooter } from './fakes.js';

describe('bot: routing a message', function () {
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
