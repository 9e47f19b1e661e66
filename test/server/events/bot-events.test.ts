import assert from 'node:assert/strict';
import { Conversation, recordedEvents, startBot, type Running } from '../helpers.js';

describe('the bot records what owners need, once the replies are delivered', () => {
  let bot: Running;
  before(async () => (bot = await startBot()));
  after(() => bot.close());

  it('declined questions (redacted), answered ones without text, walk outcomes with their branch', async () => {
    const c = new Conversation(bot.url);
    await c.say('明日の会議の予定を taro.yamada@contoso.co.jp に送って');
    await c.say('MaxInactiveTime とは何ですか');
    assert.match(JSON.stringify(await c.say('フローが AADSTS70008 で失敗します')), /70008/);
    await c.say('1');
    await c.say('troubleshoot');
    await c.say('キャンセル');
    const invoke = (value: object) => c.post({ type: 'invoke', name: 'message/submitAction', replyToId: 'not-ours', value: { actionName: 'feedback', ...value } });
    assert.equal((await invoke({ answerId: 'forged-id', actionValue: { reaction: 'dislike' } })).status, 200);
    assert.equal((await invoke({ actionValue: { feedback: '{"feedbackText":""}' } })).status, 200);

    const events = await recordedEvents(bot.app);
    const questions = events.filter((e) => e.kind === 'question');
    assert.deepEqual(questions.map((e) => e.outcome), ['declined', 'answered']);
    assert.equal(questions[0].text, '明日の会議の予定を [email] に送って');
    assert.equal(JSON.stringify(events).includes('taro.yamada'), false);
    assert.equal(questions[1].text, undefined);
    assert.match(questions[1].answerId, /\S/);
    assert.match(questions[0].hash, /^[0-9a-f]{16}$/);

    const feedback = events.filter((e) => e.kind === 'feedback');
    assert.deepEqual(feedback.map((e) => [e.reaction, e.answerId]), [['dislike', null]], 'forged answer id ignored, empty feedback skipped');

    const walks = events.filter((e) => e.kind === 'walk');
    assert.deepEqual(walks.map((e) => e.outcome), ['solved', 'abandoned']);
    assert.equal(walks[0].tree, 'invalid-connection');
    assert.match(walks[0].node, /^out-/);
    assert.equal(walks[1].node, 'role');
  });

  it('a walk ended as solved at a question, and a branch that did not solve it, are recorded like an outcome answered', async () => {
    const c = new Conversation(bot.url);
    const from = (await recordedEvents(bot.app)).length;
    await c.say('診断');
    await c.say('1');
    assert.match(JSON.stringify(await c.say('あ、サインインし直したらもう直りました')), /解決してよかった/);
    await c.say('フローが AADSTS70008 で失敗します');
    await c.say('いいえ、まだです');
    const walks = (await recordedEvents(bot.app)).slice(from).filter((e) => e.kind === 'walk');
    assert.deepEqual(walks.map((e) => [e.outcome, e.node]), [['solved', 'symptom'], ['not-solved', 'out-inactive']]);
  });
});
