import assert from 'node:assert/strict';
import { ConversationStore, StorageConflictError } from '../../src/bot/conversation-store.js';
import { loadConfig } from '../../src/server/config.js';
import { ExpiringMemoryStorage } from '../../src/server/memory-storage.js';
import { createStorage } from '../../src/server/storage.js';

const MINUTE = 60_000;

describe('server: memory storage forgets idle conversations', () => {
  let clock = 0;
  const now = () => clock;
  beforeEach(() => {
    clock = 1_000_000;
  });

  it('keeps a state while it is used and drops it after the TTL of idleness', async () => {
    const storage = new ExpiringMemoryStorage(30 * MINUTE, now);
    await storage.write({ a: { walk: 1 }, b: { walk: 2 } });
    clock += 20 * MINUTE;
    assert.deepEqual(Object.keys(await storage.read(['a'])), ['a'], 'a read counts as use');
    clock += 20 * MINUTE; // b idle for 40 minutes, a for 20
    const left = await storage.read(['a', 'b']);
    assert.deepEqual(Object.keys(left), ['a']);
    assert.equal(storage.size, 1);
    clock += 31 * MINUTE;
    assert.deepEqual(await storage.read(['a']), {});
    assert.equal(storage.size, 0);
  });

  it('holds only the conversations of the last TTL, however many came before', async () => {
    const storage = new ExpiringMemoryStorage(10 * MINUTE, now);
    for (let i = 0; i < 5000; i++) {
      clock += 1000; // one new conversation a second
      await storage.write({ [`c${i}`]: { walk: i } });
    }
    assert.ok(storage.size <= 601, `${storage.size} held`);
  });

  it('behaves as MemoryStorage for eTags: copies out, new eTag per write, stale eTag refused', async () => {
    const store = new ConversationStore(new ExpiringMemoryStorage(MINUTE, now));
    await store.save('k', { walk: { n: 1 } }, undefined);
    const [first] = await store.load<{ walk: { n: number } }>(['k']);
    first.state.walk.n = 99;
    const [again] = await store.load<{ walk: { n: number } }>(['k']);
    assert.equal(again.state.walk.n, 1, 'a loaded state is a copy');
    await store.save('k', { walk: { n: 2 } }, again.eTag);
    await assert.rejects(store.save('k', { walk: { n: 3 } }, again.eTag), StorageConflictError);
  });

  it('the TTL comes from MEMORY_STATE_TTL_MINUTES (a day by default), and is used without a connection string', () => {
    assert.equal(loadConfig({}).memoryStateTtlMinutes, 1440);
    assert.equal(loadConfig({ MEMORY_STATE_TTL_MINUTES: '5' }).memoryStateTtlMinutes, 5);
    assert.throws(() => loadConfig({ MEMORY_STATE_TTL_MINUTES: '0' }), /MEMORY_STATE_TTL_MINUTES/);
    const created = createStorage({ memoryTtlMinutes: 5 });
    assert.equal(created.kind, 'memory');
    assert.ok(created.storage instanceof ExpiringMemoryStorage);
  });
});
