/**
 * Request bodies the Bot Framework never sends: compressed ones are refused
 * unread (nothing is decompressed), and a body is held only up to the limit,
 * whether its length is declared or it arrives chunked.
 */
import assert from 'node:assert/strict';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { Conversation, startBot, type Running } from '../server/helpers.js';
import { gzipBomb, postStatus as status } from './burst.js';

describe('hardening: request bodies', function () {
  this.timeout(60_000);
  let bot: Running;
  before(async () => {
    bot = await startBot();
  });
  after(async () => bot?.close());

  it('refuses any Content-Encoding with 415 (gzip, deflate, br, a gzip bomb); identity is plain JSON', async () => {
    const json = JSON.stringify(new Conversation(bot.url).envelope({ type: 'message', text: 'help' }));
    assert.equal(await status(bot.url, gzipSync(json), { 'content-encoding': 'gzip' }), 415);
    assert.equal(await status(bot.url, deflateSync(json), { 'content-encoding': 'deflate' }), 415);
    assert.equal(await status(bot.url, brotliCompressSync(json), { 'content-encoding': 'br' }), 415);
    assert.equal(await status(bot.url, gzipBomb(), { 'content-encoding': 'gzip' }), 415);
    assert.equal(await status(bot.url, json, { 'content-encoding': 'identity' }), 200);
  });

  it('refuses a chunked body (no declared length) that runs past the limit with 413, and keeps answering', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        // 1 MB: the server stops holding it after 256 kB and drops the rest as it comes.
        if (sent >= 16) return controller.close();
        sent++;
        controller.enqueue(chunk);
      },
    });
    assert.equal(await status(bot.url, stream), 413);
    const c = new Conversation(bot.url);
    assert.equal((await c.say('help')).length, 1);
  });

  it('refuses a declared length over the limit with 413 and non-JSON content types with 415', async () => {
    assert.equal(await status(bot.url, 'x'.repeat(300_000)), 413);
    assert.equal(await status(bot.url, 'type=message', { 'content-type': 'application/x-www-form-urlencoded' }), 415);
    assert.equal(await status(bot.url, '{}', { 'content-type': 'text/plain' }), 415);
  });
});
