import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { deliveringToFakeConnector } from './fake-connector-suite.js';
import { allText, cards, japaneseOnlyInQuotes, pickValue, recordedEvents, sharedServices, stepOptions, type Reply } from './helpers.js';

/**
 * What Teams receives: replies POSTed to the connector at serviceUrl, through
 * botbuilder's ConnectorClient and its serializer (not the expectReplies path).
 */
describe('normal delivery: what the connector receives', function () {
  const { conversation, bot, connector: fake } = deliveringToFakeConnector();

  it('an answer arrives as one message: [n] markers, the whole citation entity, feedback, no internal fields', async () => {
    const { c, say } = conversation('en-US');
    const [answer, ...rest] = await say('Why does my flow connection become invalid?');
    assert.equal(rest.length, 0, 'one message');
    assert.equal(fake().received.at(-1)!.path.startsWith(`/v3/conversations/${encodeURIComponent(c.id)}/activities`), true);
    assert.equal(answer.attachments, undefined);
    assert.deepEqual(answer.channelData, { feedbackLoop: { type: 'default' } });
    assert.equal((answer as any).answerId, undefined);
    assert.equal((answer as any).sourcesText, undefined);
    const entity = answer.entities?.find((e) => e.type === 'https://schema.org/Message');
    assert.ok(entity, 'the Message entity');
    assert.equal(entity['@type'], 'Message');
    assert.equal(entity['@context'], 'https://schema.org');
    assert.equal(entity.additionalType, undefined);
    assert.ok(entity.citation.length >= 1, JSON.stringify(entity));
    for (const claim of entity.citation) {
      assert.equal(claim['@type'], 'Claim');
      assert.match(answer.text ?? '', new RegExp(`\\[${claim.position}\\]`));
      assert.equal(claim.appearance['@type'], 'DigitalDocument');
      assert.ok(claim.appearance.name.length > 0);
      assert.match(claim.appearance.url, /^https:\/\//);
      assert.ok(claim.appearance.abstract.length > 0);
    }
  });

  it('👍 on the answer is recorded against it, with or without replyToId', async () => {
    const { say, send } = conversation('en-US');
    const question = 'How long can a connection stay unused?';
    await say(question);
    const messageId = `msg-${fake().received.length}`;
    const feedback = (extra: Record<string, unknown>, reaction: string) =>
      send({ type: 'invoke', name: 'message/submitAction', value: { actionName: 'feedback', actionValue: { reaction, feedback: '{"feedbackText":"clear"}' } }, ...extra });
    await feedback({ replyToId: messageId }, 'like');
    await feedback({}, 'dislike');
    const sent = (await sharedServices()).knowledge!.ask(question, { lang: 'en', limit: 3 }).answers[0].id;
    const recorded = (await recordedEvents(bot().app)).filter((e) => e.kind === 'feedback').slice(-2);
    assert.deepEqual(
      recorded.map((e) => [e.reaction, e.answerId, e.comment]),
      [
        ['like', sent, 'clear'],
        ['dislike', sent, 'clear'],
      ],
    );
  });

  it('a walk outcome carries the feedback buttons, and 👍/👎 on it is recorded against the outcome, without a question', async () => {
    const { say, send } = conversation('en-US');
    const roleCard = cards(await say('troubleshoot')).at(-1)!;
    const symptomCard = cards(await send({ type: 'message', value: pickValue(roleCard, 'end-user') })).at(-1)!;
    const [outcome] = await send({ type: 'message', value: pickValue(symptomCard, stepOptions(symptomCard)[0].id) });
    assert.ok(cards([outcome])[0].body.some((el: any) => el.id === 'summary'), 'an outcome');
    assert.deepEqual(outcome.channelData, { feedbackLoop: { type: 'default' } });
    assert.equal((outcome as any).answerId, undefined, 'bookkeeping is not sent');
    const messageId = `msg-${fake().received.length}`;
    await send({ type: 'invoke', name: 'message/submitAction', replyToId: messageId, value: { actionName: 'feedback', actionValue: { reaction: 'dislike', feedback: '{"feedbackText":"wrong cause"}' } } });
    const [rec] = (await recordedEvents(bot().app)).filter((e) => e.kind === 'feedback').slice(-1);
    assert.equal(rec.reaction, 'dislike');
    assert.match(rec.answerId, /^walk:invalid-connection\/[\w-]+$/);
    assert.equal(rec.comment, 'wrong cause');
    assert.equal(rec.question, undefined, 'a button press is no question');
  });

  it('the welcome arrives in the client language when the activity says it, otherwise in both', async () => {
    const join = (locale?: string) =>
      conversation(locale).send({ type: 'conversationUpdate', membersAdded: [{ id: 'bot-1' }], ...(locale ? {} : { locale: undefined }) });
    const en = cards(await join('en-US'));
    assert.match(en[0].fallbackText, /Power Automate connection helper/);
    assert.doesNotMatch(en[0].fallbackText, /接続ヘルパー/);
    assert.match(en[0].fallbackText, /"troubleshoot"/, 'tells text-only clients what to type');
    const both = cards(await join(undefined));
    assert.match(both[0].fallbackText, /接続ヘルパー[\s\S]*Power Automate connection helper/);
    assert.match(both[0].fallbackText, /「診断」[\s\S]*"troubleshoot"/);
  });

  it('walk steps and the outcome arrive with their cards, citations and the summary on several lines', async () => {
    const { send, say } = conversation('ja-JP');
    let replies = await say('診断');
    let outcome: Reply[] | undefined;
    for (let i = 0; i < 20; i++) {
      const card = cards(replies).at(-1);
      assert.ok(card, `step ${i}: a card (${allText(replies)})`);
      const summary = (card.body ?? []).find((el: any) => el.id === 'summary');
      if (summary) {
        outcome = replies;
        break;
      }
      const [first] = stepOptions(card);
      replies = await send({ type: 'message', value: pickValue(card, first.id) });
    }
    assert.ok(outcome, 'an outcome within 20 steps');
    const [message] = outcome;
    const claims = message.entities?.find((e) => e.type === 'https://schema.org/Message')?.citation ?? [];
    assert.ok(claims.length >= 1, 'the outcome keeps its citations');
    for (const claim of claims) assert.match(message.text ?? '', new RegExp(`\\[${claim.position}\\]`));
    const summary = cards(outcome)[0].body.find((el: any) => el.id === 'summary');
    const lines = summary.value.split('\n');
    assert.ok(lines.length >= 4, summary.value);
    assert.equal(lines.filter((l: string) => /まとめ/.test(l)).length, 1, 'the heading once');
    assert.ok(lines.some((l: string) => /^- .+ https:\/\//.test(l)), 'a source URL on its own line');
  });
});

describe('buttons, language and small talk as the connector receives them', function () {
  const { conversation } = deliveringToFakeConnector();

  /** The step card among the replies (the last card). */
  const stepCard = (replies: Reply[]) => {
    const card = cards(replies).at(-1);
    assert.ok(card, allText(replies));
    return card;
  };

  it('a button of an earlier step leaves the walk where it is, says so, and shows the current step again', async () => {
    const { send, say } = conversation('en-US');
    const roleCard = stepCard(await say('troubleshoot'));
    const symptomCard = stepCard(await send({ type: 'message', value: pickValue(roleCard, stepOptions(roleCard)[0].id) }));
    assert.notEqual(stepOptions(symptomCard)[0].id, stepOptions(roleCard)[0].id);

    const stale = await send({ type: 'message', value: pickValue(roleCard, stepOptions(roleCard)[1].id) });
    assert.match(allText(stale), /belongs to an earlier step/);
    assert.deepEqual(stepOptions(stepCard(stale)), stepOptions(symptomCard), 'the current step again');
    const roleStep = pickValue(roleCard, stepOptions(roleCard)[0].id).step;
    assert.ok(roleStep, 'the card carries its step');
    const back = await send({ type: 'message', value: { text: 'back', step: roleStep } });
    assert.match(allText(back), /belongs to an earlier step/, "an old card's Back does not move the walk");

    // The current card still works.
    const next = await send({ type: 'message', value: pickValue(symptomCard, stepOptions(symptomCard)[0].id) });
    assert.doesNotMatch(allText(next), /earlier step/);
  });

  it('at an outcome, old step buttons and forged ids change nothing; the walk ends only by its own buttons', async () => {
    const { send, say } = conversation('en-US');
    const roleCard = stepCard(await say('troubleshoot'));
    const symptomCard = stepCard(await send({ type: 'message', value: pickValue(roleCard, 'end-user') }));
    const outcome = await send({ type: 'message', value: pickValue(symptomCard, stepOptions(symptomCard)[0].id) });
    const outcomeCard = stepCard(outcome);
    assert.ok(outcomeCard.body.some((el: any) => el.id === 'summary'), 'an outcome');

    for (const old of [pickValue(roleCard, 'admin'), pickValue(symptomCard, stepOptions(symptomCard)[0].id)]) {
      const r = await send({ type: 'message', value: old });
      assert.match(allText(r), /belongs to an earlier step/);
      assert.doesNotMatch(allText(r), /glad it's fixed|not fixed yet/i);
    }
    const step = pickValue(outcomeCard, stepOptions(outcomeCard)[0].id).step;
    for (const forged of ['no-code', 'No', 'yes', 'solved ', 'SOLVED']) {
      const r = await send({ type: 'message', value: { choice: forged, step } });
      assert.match(allText(r), /didn't recognise that choice/, forged);
      assert.doesNotMatch(allText(r), /glad it's fixed|not fixed yet/i, forged);
    }
    const done = await send({ type: 'message', value: pickValue(outcomeCard, stepOptions(outcomeCard)[0].id) });
    assert.match(allText(done), /glad it's fixed/);
    const ended = await send({ type: 'message', value: pickValue(outcomeCard, stepOptions(outcomeCard)[1].id) });
    assert.match(allText(ended), /diagnosis that has ended/);
  });

  it('keeps the conversation language through buttons, numbers and emoji; changes it when the user writes in the other language', async () => {
    const { send, say } = conversation('en-US');
    const ja = /[ぁ-んァ-ン]/;
    const first = await say('診断');
    assert.match(allText(first), ja);
    const card = stepCard(first);
    const afterButton = await send({ type: 'message', value: pickValue(card, stepOptions(card)[0].id) });
    assert.match(stepCard(afterButton).fallbackText, ja, 'a button press on an English client stays Japanese');
    assert.match(allText(await say('👍')), ja);
    assert.match(allText(await say('1')), ja);
    const english = await say('How long can a connection stay unused?');
    assert.ok(japaneseOnlyInQuotes(allText(english)), allText(english));
  });

  it('answers an English sentence quoting Japanese UI labels in English', async () => {
    const { say } = conversation('ja-JP');
    const replies = await say('what does 接続を修正 do?');
    const text = allText(replies);
    assert.match(text, /[A-Za-z]{4,}/);
    assert.ok(japaneseOnlyInQuotes(text), text);
  });

  it('greetings, thanks, goodbyes, asking to ask and displeasure get a short reply in the language they are written in', async () => {
    const { say } = conversation('en-US');
    const hello = await say('hello');
    assert.equal(hello.length, 1);
    assert.match(hello[0].text ?? '', /^Hi!/);
    assert.equal(cards(hello).length, 0, 'not the no-answer card');
    assert.match((await say('thanks!'))[0].text ?? '', /You're welcome/);
    assert.match((await say('ありがとう'))[0].text ?? '', /どういたしまして/);
    assert.match((await say('お疲れ様です'))[0].text ?? '', /お疲れ様です/);
    for (const [text, reply] of [
      ['ちょっと質問してもいいですか？', /はい、どうぞ/],
      ['では、失礼します', /またいつでも/],
      ['hey, anybody there?', /Sure, go ahead/],
      ['see ya', /^Bye!/],
      ['that is not helpful', /Sorry that did not help/],
    ] as const) {
      const replies = await say(text);
      assert.equal(cards(replies).length, 0, `${text}: not the no-answer card`);
      assert.match(replies[0].text ?? '', reply, text);
    }
  });
});

describe('the connector serializer is widened explicitly, by the adapter, and only for the citation entity', function () {
  const dist = join(__dirname, '..', '..');
  /** The Entity mapper's declared fields in a fresh process after running `script` (CommonJS, from dist/). */
  const fieldsAfter = (script: string): string[] =>
    JSON.parse(
      execFileSync(process.execPath, ['-e', `${script}; const m = require('botframework-connector/lib/connectorApi/connectorClient.js').ConnectorMappers.Entity; console.log(JSON.stringify(Object.keys(m.type.modelProperties).concat(m.type.additionalProperties ? ['*'] : [])))`], {
        cwd: dist,
        encoding: 'utf8',
      }),
    );

  it('importing the bot changes no serializer; making the adapter declares the Message entity fields and nothing open-ended', () => {
    assert.deepEqual(fieldsAfter("require('./src/bot/replies.js'); require('./src/bot/teams-bot.js')"), ['type', 'text', 'mentioned']);
    const widened = fieldsAfter("const { createAdapter } = require('./src/server/adapter.js'); const { testConfig } = require('./test/server/helpers.js'); createAdapter(testConfig(), async () => {})");
    assert.deepEqual(widened, ['type', 'text', 'mentioned', '@type', '@context', '@id', 'citation']);
  });
});
