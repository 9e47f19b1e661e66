/**
 * /readyz tells the truth about the state storage: 503 with a reason while
 * Blob storage (Azurite here) is stopped or refuses the key, 200 again once it
 * answers, and no internal error text in the body.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { Azurite } from '../server/azurite.js';
import { startBot, type Running } from '../server/helpers.js';

/** /readyz, asked up to `tries` times half a second apart until it answers `status`. */
async function readyzUntil(url: string, status: number, tries = 20): Promise<{ status: number; body: any }> {
  let last = { status: 0, body: undefined as any };
  for (let i = 0; i < tries; i++) {
    const res = await fetch(`${url}/readyz`);
    last = { status: res.status, body: await res.json() };
    if (last.status === status) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  return last;
}

describe('hardening: /readyz follows the state storage', function () {
  this.timeout(120_000);
  const azurite = new Azurite();
  let bot: Running;
  let badKey: Running;

  before(async () => {
    await azurite.start();
    const container = `readyz-${randomUUID().slice(0, 8)}`;
    bot = await startBot({ services: {}, env: { AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString, AZURE_STORAGE_CONTAINER: container } });
    const wrong = azurite.connectionString.replace(/AccountKey=[^;]+/, `AccountKey=${Buffer.from('not the key').toString('base64')}`);
    badKey = await startBot({ services: {}, env: { AZURE_STORAGE_CONNECTION_STRING: wrong, AZURE_STORAGE_CONTAINER: container } });
  });
  after(async () => {
    await bot?.close();
    await badKey?.close();
    await azurite.dispose();
  });

  it('is 200 while storage answers, 503 with a reason while it is stopped, 200 again when it is back; /healthz stays 200', async () => {
    assert.equal((await readyzUntil(bot.url, 200)).status, 200);
    await azurite.stop();
    const down = await readyzUntil(bot.url, 503);
    assert.equal(down.status, 503);
    assert.deepEqual(down.body, { status: 'unavailable', reason: 'state storage unreachable' });
    assert.equal((await fetch(`${bot.url}/healthz`)).status, 200);
    await azurite.start();
    assert.equal((await readyzUntil(bot.url, 200)).status, 200);
  });

  it('is 503 while the storage refuses the account key', async () => {
    const r = await readyzUntil(badKey.url, 503);
    assert.equal(r.status, 503);
    assert.equal(r.body.reason, 'state storage unreachable');
  });

  it('memory storage is always reachable', async () => {
    const memory = await startBot({ services: {} });
    try {
      assert.equal((await fetch(`${memory.url}/readyz`)).status, 200);
    } finally {
      await memory.close();
    }
  });
});
