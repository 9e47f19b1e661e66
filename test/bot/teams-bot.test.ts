import assert from 'node:assert/strict';
import { allText, cards, Conversation, japaneseOnlyInQuotes, recordedEvents, sharedServices, startBot, stepOptions, type Running } from '../server/helpers.js';
import { fakeTroubleshooter } from './fakes.js';

const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';

describe('bot over HTTP (restify + CloudAdapter, expectReplies)', function () {
  let bot: Running;
  before(async () => {
    bot = await startBot({ services: { ...(await sharedServices()), troubleshoot: fakeTroubleshooter } });
  });
  after(async () => bot?.close());

  it('answers a Japanese question in Japanese with [n] markers, the citation entity and feedback enabled', async () => {
    const replies = await new Conversation(bot.url).say('接続が無効になるのはなぜですか？');
    assert.equal(replies.length, 1);
    const r = replies[0];
    assert.match(r.text ?? '', /\[1\]/);
    assert.match(r.text ?? '', /[ぁ-ん]/);
    assert.deepEqual(r.channelData?.feedbackLoop, { type: 'default' });
    assert.equal(r.channelData?.feedbackLoopEnabled, undefined, 'Teams rejects both forms together');
    const entity = r.entities?.find((e) => e.type === 'https://schema.org/Message');
    assert.ok(entity, 'schema.org Message entity');
    assert.equal(entity['@type'], 'Message');
    assert.equal(entity['@context'], 'https://schema.org');
    assert.equal(entity['@id'], '');
    assert.equal(entity.additionalType, undefined, 'curated and quoted answers carry no AI-generated label');
    assert.ok(entity.citation.length >= 1);
    for (const [i, c] of entity.citation.entries()) {
      assert.equal(c['@type'], 'Claim');
      assert.equal(c.position, i + 1);
      assert.equal(c.appearance['@type'], 'DigitalDocument');
      assert.ok(c.appearance.name.length > 0 && c.appearance.name.length <= 80);
      assert.ok(c.appearance.abstract.length > 0 && c.appearance.abstract.length <= 160);
      assert.match(c.appearance.url, /^https:\/\//);
      assert.match(r.text ?? '', new RegExp(`\\[${c.position}\\]`));
    }
    assert.equal(r.attachments, undefined, 'one message: no separate sources card');
  });

  it('answers an English question in English; Japanese appears only inside quoted sources', async () => {
    const replies = await new Conversation(bot.url, { locale: 'en-US' }).say('Why does my flow connection become invalid?');
    const text = allText(replies);
    assert.match(replies[0].text ?? '', /[A-Za-z]{3,}/);
    assert.ok(japaneseOnlyInQuotes(text), text);
    assert.ok(replies[0].entities?.length);
  });

  it('removes the @mention in a channel message before answering', async () => {
    const c = new Conversation(bot.url, { conversation: { id: `19:chan-${Date.now()}@thread.tacv2`, conversationType: 'channel' } });
    const replies = await c.say('<at>Bot</at> help', {
      entities: [{ type: 'mention', text: '<at>Bot</at>', mentioned: { id: 'bot-1', name: 'Bot' } }],
    });
    assert.equal(replies.length, 1);
    assert.match(cards(replies)[0].fallbackText, /What I can do|できること/);
  });

  it('handles a card submit (value payload, with and without messageBack) exactly like typed text', async () => {
    const c = new Conversation(bot.url, { locale: 'en-US' });
    const typed = await c.say('help');
    const submitted = await c.post({ type: 'message', value: { text: 'help' } });
    const messageBack = await c.post({ type: 'message', text: 'help', value: { msteams: { value: { text: 'help' } } } });
    assert.equal(submitted.status, 200);
    assert.deepEqual(cards(submitted.replies), cards(typed));
    assert.deepEqual(cards(messageBack.replies), cards(typed));
  });

  it('welcomes when the bot itself is added (in the locale), and says nothing when someone else joins', async () => {
    const c = new Conversation(bot.url);
    const added = await c.post({ type: 'conversationUpdate', locale: 'en-US', membersAdded: [{ id: 'bot-1' }, { id: 'user-1' }] });
    assert.equal(added.status, 200);
    assert.equal(added.replies.length, 1);
    assert.match(cards(added.replies)[0].fallbackText, /Power Automate connection helper/);
    const ja = await c.post({ type: 'conversationUpdate', locale: 'ja-JP', membersAdded: [{ id: 'bot-1' }] });
    assert.match(cards(ja.replies)[0].fallbackText, /接続ヘルパー/);
    const other = await c.post({ type: 'conversationUpdate', membersAdded: [{ id: 'user-2' }] });
    assert.equal(other.status, 200);
    assert.equal(other.replies.length, 0);
  });

  it('ignores reactions, typing and unknown activity types politely', async () => {
    const c = new Conversation(bot.url);
    for (const a of [
      { type: 'messageReaction', reactionsAdded: [{ type: 'like' }] },
      { type: 'typing' },
      { type: 'event', name: 'whatever' },
      { type: 'installationUpdate', action: 'add' },
      { type: 'somethingNew' },
    ]) {
      const r = await c.post(a);
      assert.ok(r.status < 500, `${a.type}: ${r.status}`);
      assert.equal(r.replies.filter((x) => x.type === 'message').length, 0, a.type);
    }
  });

  it('pins the language on request and keeps it in user state', async () => {
    const c = new Conversation(bot.url);
    const pinned = await c.say('English please');
    assert.match(pinned[0].text ?? '', /English/);
    const help = await c.say('ヘルプ');
    assert.match(cards(help)[0].fallbackText, /What I can do/);
    const back = await c.say('日本語で');
    assert.match(back[0].text ?? '', /日本語/);
    const help2 = await c.say('help');
    assert.match(cards(help2)[0].fallbackText, /できること/);
  });

  it('walks the troubleshooting tree with typed numbers and card choices; a free question mid-walk is answered and the walk resumes', async () => {
    const c = new Conversation(bot.url);
    const start = await c.say('診断');
    const q1 = cards(start)[0];
    assert.match(q1.fallbackText, /1\. 最近/);
    assert.equal(stepOptions(q1)[0].id, 'recent');

    const mid = await c.say('接続が無効になるのはなぜですか？');
    assert.ok(mid.some((r) => r.entities?.length), 'answered from the knowledge base');
    assert.match(allText(mid), /診断は途中/);

    const q2 = await c.say('1');
    assert.match(cards(q2)[0].fallbackText, /パスワード/);
    const outcome = await c.post({ type: 'message', value: { choice: 'yes', text: '1' } });
    assert.match(outcome.replies[0].text ?? '', /接続を修正/);
    assert.match(cards(outcome.replies)[0].fallbackText, /解決しましたか/);
    const done = await c.say('1');
    assert.match(allText(done), /解決してよかった/);
    const after = await c.say('1');
    assert.doesNotMatch(allText(after), /解決してよかった/);
  });

  it('restart starts a walk over, cancel ends it; an unknown card choice is rejected gracefully', async () => {
    const c = new Conversation(bot.url, { locale: 'en-US' });
    await c.say('troubleshoot');
    const forged = await c.post({ type: 'message', value: { choice: 'no-such-option' } });
    assert.equal(forged.status, 200);
    assert.match(allText(forged.replies), /didn't recognise that choice/);
    assert.match(allText(await c.say('1')), /Was the password reset/);
    const restarted = await c.say('restart');
    assert.match(allText(restarted), /over from the first question[\s\S]*Since when is the connection invalid/);
    const cancelled = await c.say('cancel');
    assert.match(allText(cancelled), /cancelled/);
    for (const word of ['cancel', 'restart']) assert.match(allText(await c.say(word)), /no diagnosis in progress/);
  });

  it('truncates a very long question for search and says so', async () => {
    const replies = await new Conversation(bot.url).say('接続が無効になる理由を教えてください。'.repeat(300));
    assert.match(allText(replies), /先頭の 2000 文字/);
  });

  it('records 👍/👎 feedback (invoke message/submitAction) as an event and answers 200', async () => {
    const c = new Conversation(bot.url);
    const r = await c.post({
      type: 'invoke',
      name: 'message/submitAction',
      replyToId: 'bot-msg-1',
      value: { actionName: 'feedback', actionValue: { reaction: 'dislike', feedback: JSON.stringify({ feedbackText: 'quote was <b>wrong</b>' }) } },
    });
    assert.equal(r.status, 200);
    const rec = (await recordedEvents(bot.app)).find((l) => l.kind === 'feedback' && l.comment === 'quote was <b>wrong</b>');
    assert.ok(rec);
    assert.equal(rec.reaction, 'dislike');
    assert.equal(rec.answerId, null, 'a message this bot never sent has no answer id');
    assert.ok(!Number.isNaN(Date.parse(rec.time)));
  });

  it('never lets user text become Markdown, HTML or card actions', async () => {
    const evil = '[click](https://evil.example) <img src=x onerror=alert(1)> {{DATE(2020-01-01T00:00:00Z)}} **bold**';
    const replies = await new Conversation(bot.url, { locale: 'en-US' }).say(evil);
    const json = JSON.stringify(replies);
    assert.ok(!json.includes('https://evil.example'), 'user URL not echoed into a reply');
    assert.ok(!json.includes('onerror'), 'user HTML not echoed');
  });
});

describe('bot: turn errors', function () {
  it('a failing turn gets a short apology in the user language and the next message works', async () => {
    const real = await sharedServices();
    let fail = true;
    const knowledge = {
      ask: (q: string, o?: { lang?: 'ja' | 'en'; limit?: number }) => {
        if (fail) {
          fail = false;
          throw new Error('boom');
        }
        return real.knowledge!.ask(q, o);
      },
    };
    const bot = await startBot({ services: { knowledge, troubleshoot: fakeTroubleshooter } });
    const origError = console.error;
    try {
      const c = new Conversation(bot.url, { locale: 'en-US' });
      const failed = await c.say('Why does my connection become invalid?');
      assert.equal(failed.length, 1);
      assert.equal(failed[0].text, 'Sorry, something went wrong on my side. Please try again.');
      const ok = await c.say('Why does my connection become invalid?');
      assert.ok(ok[0].entities?.length);
    } finally {
      console.error = origError;
      await bot.close();
    }
  });

});

describe('bot: replies are cards Teams renders', () => {
  it('uses Adaptive Card 1.4 with fallbackText', async () => {
    const bot = await startBot();
    try {
      const r = await new Conversation(bot.url).say('help');
      const card = r[0].attachments![0];
      assert.equal(card.contentType, ADAPTIVE);
      assert.equal(card.content.version, '1.4');
      assert.ok(card.content.fallbackText);
    } finally {
      await bot.close();
    }
  });
});

describe('bot: repeated questions', function () {
  it('a repeated question gets the same cited reply, with feedback, each time', async () => {
    const bot = await startBot({ services: await sharedServices() });
    try {
      const c = new Conversation(bot.url);
      const [a] = await c.say('更新トークンの有効期間はどのくらいですか？');
      const [b] = await c.say('更新トークンの有効期間はどのくらいですか？');
      const [other] = await new Conversation(bot.url, { locale: 'en-US' }).say('How long does a refresh token live?');
      assert.ok(a.entities?.length);
      const content = (r: typeof a) => ({ text: r.text, attachments: r.attachments, entities: r.entities, channelData: r.channelData });
      assert.deepEqual(content(b), content(a));
      assert.deepEqual(b.channelData?.feedbackLoop, { type: 'default' });
      assert.doesNotMatch(other.text ?? '', /^[^a-z]*$/i, 'the English asker gets the English reply, not the cached Japanese one');
    } finally {
      await bot.close();
    }
  });
});
