import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { deliveringToFakeConnector } from '../server/fake-connector-suite.js';
import { allText } from '../server/helpers.js';

/**
 * A channel thread where several people talk to the bot, and a message Teams delivers
 * twice (its retry after a timeout carries the same activity id), as the replies arrive
 * at the connector.
 */
describe('a shared conversation and a resent message (what Teams receives)', function () {
  const { conversation, connector } = deliveringToFakeConnector();

  it('in a channel each person has a walk of their own: B\'s messages neither answer nor pause A\'s', async () => {
    const thread = { conversation: { id: `19:chan-${randomUUID()}@thread.tacv2;messageid=1`, conversationType: 'channel', isGroup: true } };
    const { send } = conversation('ja-JP');
    const as = (user: string) => async (text: string) => allText(await send({ type: 'message', text, from: { id: user, name: user }, ...thread }));
    const a = as('user-a');
    const b = as('user-b');
    assert.match(await a('診断'), /あなたの立場/);
    const bAsks = await b('MFAってなに？');
    assert.doesNotMatch(bAsks, /診断は途中/, `B has no walk: ${bAsks}`);
    const bRole = await b('1');
    assert.match(bRole, /進行中の診断はありません/, `B's "1" is not applied to A's walk: ${bRole}`);
    assert.match(await a('1'), /どのエラー/, "A's walk is where A left it");
    assert.match(await b('診断'), /あなたの立場/, 'B starts a walk of their own');
    assert.match(await a('6'), /次のどれかがありましたか/, "B's walk leaves A's alone");
  });

  it('in a group chat too; a personal chat is one person\'s, so its walk is kept as it was', async () => {
    const group = { conversation: { id: `19:group-${randomUUID()}@thread.v2`, conversationType: 'groupChat', isGroup: true } };
    const { send } = conversation('en-US');
    const as = (user: string) => async (text: string) => allText(await send({ type: 'message', text, from: { id: user, name: user }, ...group }));
    assert.match(await as('user-a')('troubleshoot'), /which describes you/);
    assert.match(await as('user-b')('2'), /no diagnosis in progress/);
    assert.match(await as('user-a')('2'), /Which error/);
    const personal = conversation('ja-JP');
    assert.match(allText(await personal.say('診断')), /あなたの立場/);
    assert.match(allText(await personal.say('1')), /どのエラー/);
  });

  it('a message delivered again with the same id gets no second reply and does not move the walk', async () => {
    const { send } = conversation('ja-JP');
    await send({ type: 'message', text: '診断' });
    assert.match(allText(await send({ type: 'message', text: '1', id: 'm2' })), /どのエラー/);
    assert.deepEqual(await send({ type: 'message', text: '1', id: 'm2' }), [], 'the retry is not answered');
    const next = allText(await send({ type: 'message', text: '6' }));
    assert.match(next, /次のどれかがありましたか/, `the walk moved once: ${next}`);
  });

  it('two copies of one message in flight at once are applied once', async () => {
    const { c, send } = conversation('en-US');
    await send({ type: 'message', text: 'troubleshoot' });
    const from = connector().received.length;
    const copies = await Promise.all([1, 2].map(() => c.post({ type: 'message', text: '2', id: 'twice' })));
    assert.deepEqual(copies.map((r) => r.status), [200, 200]);
    const replies = connector().since(from);
    assert.equal(replies.length, 1, allText(replies));
    assert.match(allText(replies), /Which error/);
    assert.match(allText(await send({ type: 'message', text: '6' })), /Did any of these happen/, 'the walk moved once');
  });
});
