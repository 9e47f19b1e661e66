import type { Storage, StoreItems } from 'botbuilder';

interface Item {
  json: string;
  eTag: string;
  touched: number;
}

/**
 * In-process state storage that forgets a conversation's (or user's) state
 * once it has been neither read nor written for `ttlMs`, so memory does not
 * grow with every conversation ever seen. Otherwise it behaves as botbuilder's
 * MemoryStorage: items are stored as JSON copies, each write gets a new eTag,
 * and a write with an eTag other than the stored one (or "*") is refused.
 */
export class ExpiringMemoryStorage implements Storage {
  /** In order of last use, oldest first, so expiry stops at the first fresh item. */
  private readonly items = new Map<string, Item>();
  private nextETag = 1;

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async read(keys: string[]): Promise<StoreItems> {
    const now = this.expire();
    const found: StoreItems = {};
    for (const key of keys) {
      const item = this.items.get(key);
      if (!item) continue;
      this.touch(key, item, now);
      found[key] = { ...JSON.parse(item.json), eTag: item.eTag };
    }
    return found;
  }

  async write(changes: StoreItems): Promise<void> {
    const now = this.expire();
    for (const [key, change] of Object.entries(changes)) {
      const { eTag, ...state } = (change ?? {}) as Record<string, unknown> & { eTag?: unknown };
      const old = this.items.get(key);
      if (old && typeof eTag === 'string' && eTag && eTag !== '*' && eTag !== old.eTag) {
        throw new Error(`Storage: error writing "${key}" due to eTag conflict.`);
      }
      this.touch(key, { json: JSON.stringify(state), eTag: String(this.nextETag++), touched: now }, now);
    }
  }

  async delete(keys: string[]): Promise<void> {
    for (const key of keys) this.items.delete(key);
  }

  /** How many states are held (for tests and operators). */
  get size(): number {
    return this.items.size;
  }

  private touch(key: string, item: Item, now: number): void {
    item.touched = now;
    this.items.delete(key);
    this.items.set(key, item);
  }

  /** Drops the items idle for longer than the TTL; returns the time used. */
  private expire(): number {
    const now = this.now();
    for (const [key, item] of this.items) {
      if (now - item.touched <= this.ttlMs) break;
      this.items.delete(key);
    }
    return now;
  }
}
