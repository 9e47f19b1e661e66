import assert from 'node:assert/strict';
import { allText, Conversation, sharedServices, startBot } from '../server/helpers.js';

describe('bot: a joke asked about our topics', function () {
  this.timeout(120000);

  it('gets a friendly line in the asker\'s language, not a passage and not "could not find"', async () => {
    const bot = await startBot({ services: await sharedServices() });
    try {
      const en = await new Conversation(bot.url, { locale: 'en-US' }).say('got any good jokes about conditional access?');
      assert.match(allText(en), /Jokes aren't my strong point/);
      assert.ok(!en.some((r) => r.entities?.length), 'no cited sources');
      const ja = await new Conversation(bot.url).say('多要素認証でなにかダジャレ言ってよ');
      assert.match(allText(ja), /冗談は得意ではありません/);
      assert.ok(!ja.some((r) => r.entities?.length), 'no cited sources');
    } finally {
      await bot.close();
    }
  });
});
