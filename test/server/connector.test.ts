import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { cards, Conversation, recordedEvents, startBot, type Running } from './helpers.js';

/** A stand-in Bot Connector: records the replies the bot POSTs back and gives them ids, as Teams does. */
function fakeConnector(): Promise<{ url: string; received: any[]; server: Server }> {
  const received: any[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      try {
        received.push({ path: req.url, activity: JSON.parse(body) });
      } catch {
        received.push({ path: req.url, activity: undefined });
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `msg-${received.length}` }));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as any).port}/`, received, server })));
}

describe('normal delivery (replies POSTed to the connector) and feedback on a real message id', function () {
  let bot: Running;
  let connector: Awaited<ReturnType<typeof fakeConnector>>;
  before(async () => {
    bot = await startBot();
    connector = await fakeConnector();
  });
  after(async () => {
    await bot?.close();
    connector?.server.close();
  });

  it('posts the answer to the conversation, then maps 👍 on that message back to the answer id', async () => {
    const c = new Conversation(bot.url, { serviceUrl: connector.url, deliveryMode: undefined });
    const r = await c.post({ type: 'message', text: 'Why does my flow connection become invalid?', locale: 'en-US' });
    assert.equal(r.status, 200);
    assert.equal(connector.received.length, 1);
    const sent = connector.received[0];
    assert.match(sent.path, new RegExp(`/v3/conversations/${encodeURIComponent(c.id)}/activities`));
    assert.equal(sent.activity.channelData.feedbackLoopEnabled, true);
    assert.equal(sent.activity.answerId, undefined, 'internal bookkeeping is not sent to Teams');
    assert.equal(cards([sent.activity]).length, 1);

    const fb = await c.post({ type: 'invoke', name: 'message/submitAction', replyToId: 'msg-1', value: { actionName: 'feedback', actionValue: { reaction: 'like', feedback: '{"feedbackText":""}' } } });
    assert.equal(fb.status, 200);
    const feedback = (await recordedEvents(bot.app)).find((l) => l.kind === 'feedback');
    assert.match(feedback.answerId, /\S/);
    assert.equal(feedback.reaction, 'like');
    assert.equal(feedback.comment, undefined);
  });
});
