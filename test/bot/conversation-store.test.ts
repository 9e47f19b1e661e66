import assert from 'node:assert/strict';
import { MemoryStorage, type Storage, type StoreItems } from 'botbuilder';
import { ConversationStore, StorageConflictError, StorageUnavailableError, stateKeys } from '../../src/bot/conversation-store.js';

describe('bot: conversation store', () => {
  it('loads a state with its eTag and saves it back with that eTag; a stale eTag is a conflict', async () => {
    const store = new ConversationStore(new MemoryStorage());
    const [fresh] = await store.load<{ step?: number }>(['k']);
    assert.deepEqual(fresh, { state: {}, eTag: undefined });
    await store.save('k', { step: 1 }, fresh.eTag);
    const [one] = await store.load<{ step?: number }>(['k']);
    assert.deepEqual(one.state, { step: 1 });
    assert.ok(one.eTag);
    await store.save('k', { step: 2 }, one.eTag);
    await assert.rejects(store.save('k', { step: 3 }, one.eTag), StorageConflictError);
    assert.deepEqual((await store.load(['k']))[0].state, { step: 2 });
  });

  it('reports an unreachable or hanging backend as unavailable', async () => {
    const down: Storage = {
      read: async () => {
        throw new Error('connect ECONNREFUSED');
      },
      write: () => new Promise<void>(() => {}),
      delete: async () => {},
    };
    const store = new ConversationStore(down, 50);
    await assert.rejects(store.load(['k']), StorageUnavailableError);
    await assert.rejects(store.save('k', {}, undefined), /timed out after 50 ms/);
  });

  it('keys: the readable head names channel and kind; colliding ids get different keys, all short', () => {
    const key = (channelId: string, conversation: string, from = 'u') => stateKeys({ channelId, conversation: { id: conversation } as never, from: { id: from } as never });
    const pairs: [Parameters<typeof key>, Parameters<typeof key>][] = [
      [['msteams', 'team//x'], ['msteams', 'team/x']],
      [['msteams', 'a'.repeat(1000) + 'b'], ['msteams', 'a'.repeat(1000) + 'c']],
      [['msteams/conversations/p', 'q'], ['msteams', 'p/conversations/q']],
      [['msteams', '\ud800'], ['msteams', '\ufffd']],
    ];
    for (const [a, b] of pairs) assert.notEqual(key(...a).conversation, key(...b).conversation, `${a} vs ${b}`);
    const k = key('msteams', `19:${'z'.repeat(2048)}@thread.tacv2`, '29:user');
    assert.match(k.conversation, /^msteams\/conversations\/19_z+-[0-9a-f]{64}$/);
    assert.match(k.user, /^msteams\/users\/29_user-[0-9a-f]{64}$/);
    assert.ok(k.conversation.length < 200);
    assert.notEqual(key('c', 'same', 'same').conversation, key('c', 'same', 'same').user);
  });

  it('keys: a shared conversation (channel, group chat) is keyed per person, a personal chat per conversation', () => {
    const key = (conversation: Record<string, unknown>, from: string) => stateKeys({ channelId: 'msteams', conversation: { id: '19:x', ...conversation } as never, from: { id: from } as never }).conversation;
    assert.equal(key({ conversationType: 'personal' }, 'a'), key({ conversationType: 'personal' }, 'b'));
    for (const shared of [{ conversationType: 'channel' }, { conversationType: 'groupChat' }, { isGroup: true }]) {
      assert.notEqual(key(shared, 'a'), key(shared, 'b'), JSON.stringify(shared));
      assert.match(key(shared, 'a'), /^msteams\/conversations\/19_x-[0-9a-f]{64}$/);
    }
  });

  it('writes only what it is given: a stored item round-trips without its eTag', async () => {
    const writes: StoreItems[] = [];
    const inner = new MemoryStorage();
    const storage: Storage = { read: (k) => inner.read(k), delete: (k) => inner.delete(k), write: (c) => (writes.push(c), inner.write(c)) };
    const store = new ConversationStore(storage);
    await store.save('k', { walk: { v: 1 } }, undefined);
    assert.deepEqual(writes, [{ k: { walk: { v: 1 }, eTag: '*' } }]);
    const [loaded] = await store.load(['k']);
    assert.deepEqual(loaded.state, { walk: { v: 1 } });
  });
});
