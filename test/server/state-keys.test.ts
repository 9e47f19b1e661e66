import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { Azurite } from './azurite.js';
import { allText, cards, Conversation, sharedServices, startBot, type Running } from './helpers.js';
import { fakeTroubleshooter } from '../bot/fakes.js';

/**
 * Conversations whose ids a naive key would merge: Blob storage drops empty path
 * segments and cuts keys at 1,024 characters, and "channel/conversations/id" can be
 * spelt by a channel id holding slashes. Each pair must keep two states.
 */
const PAIRS: [string, { channelId: string; id: string }, { channelId: string; id: string }][] = [
  ['an empty path segment', { channelId: 'msteams', id: 'team//x' }, { channelId: 'msteams', id: 'team/x' }],
  ['ids equal in their first 1,500 characters', { channelId: 'msteams', id: `${'a'.repeat(1500)}x` }, { channelId: 'msteams', id: `${'a'.repeat(1500)}y` }],
  ['a channel id that spells a path', { channelId: 'msteams/conversations/p', id: 'q' }, { channelId: 'msteams', id: 'p/conversations/q' }],
];

function keysAreSeparate(name: string, start: () => Promise<Running>) {
  describe(`state keys (${name}): conversations a naive key would merge keep their own state`, function () {
    this.timeout(120_000);
    let bot: Running;
    before(async () => {
      bot = await start();
    });
    after(async () => bot?.close());

    for (const [what, a, b] of PAIRS) {
      it(what, async () => {
        const run = randomUUID().slice(0, 8);
        const first = new Conversation(bot.url, { channelId: a.channelId, conversation: { id: a.id.replace('q', `q${run}`) }, locale: 'en-US' });
        const second = new Conversation(bot.url, { channelId: b.channelId, conversation: { id: b.id.replace('q', `q${run}`) }, locale: 'en-US' });
        assert.match(cards(await first.say('troubleshoot'))[0].fallbackText, /Since when/);
        assert.match(allText(await second.say('1')), /no diagnosis in progress/, 'the other conversation has no walk');
        assert.match(cards(await first.say('1'))[0].fallbackText, /Was the password reset/, 'the walk is where it was');
      });
    }
  });
}

keysAreSeparate('memory', async () => startBot({ services: { ...(await sharedServices()), troubleshoot: fakeTroubleshooter } }));

describe('state keys in Blob storage (Azurite)', function () {
  this.timeout(120_000);
  const azurite = new Azurite();
  before(async () => azurite.start());
  after(async () => azurite.dispose());
  keysAreSeparate('Azurite', async () =>
    startBot({
      env: { AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString, AZURE_STORAGE_CONTAINER: `keys-${randomUUID().slice(0, 8)}` },
      services: { ...(await sharedServices()), troubleshoot: fakeTroubleshooter },
    }),
  );
});
