import { hash } from 'node:crypto';
import type { Activity, Storage } from 'botbuilder';

/** Storage could not be reached (or timed out): the turn must not pretend it succeeded. */
export class StorageUnavailableError extends Error {
  override name = 'StorageUnavailableError';
}

/** Another turn wrote the same state first (ETag mismatch): retry the turn on fresh state. */
export class StorageConflictError extends Error {
  override name = 'StorageConflictError';
}

/** One stored state as read: the plain JSON and the eTag to write it back with (undefined: never stored). */
export interface Loaded<T> {
  state: T;
  eTag: string | undefined;
}

/** Whether a storage error says the item changed since it was read (HTTP 412, or MemoryStorage's message). */
export function isETagConflict(err: unknown): boolean {
  const e = err as { statusCode?: number; message?: string } | undefined;
  return e?.statusCode === 412 || /etag conflict|ConditionNotMet/i.test(String(e?.message ?? ''));
}

/**
 * Conversation and user state on botbuilder's `Storage` interface: `load`
 * returns each state with its eTag, `save` writes with that eTag, so a turn
 * that lost a race gets StorageConflictError instead of overwriting the
 * winner. Every other failure, and a call slower than `timeoutMs` (0: no
 * limit, for a backend that cannot hang such as memory), is
 * StorageUnavailableError.
 */
export class ConversationStore {
  constructor(
    private readonly storage: Storage,
    private readonly timeoutMs = 0,
  ) {}

  /** Reads several states in one storage call; a key never written loads as `{}`. */
  async load<T extends object>(keys: readonly string[]): Promise<Loaded<T>[]> {
    const items = await this.guard('read', () => this.storage.read([...keys]));
    return keys.map((key) => {
      const item = items[key] as (Record<string, unknown> & { eTag?: unknown }) | undefined;
      if (!item) return { state: {} as T, eTag: undefined };
      const { eTag, ...state } = item;
      return { state: state as T, eTag: typeof eTag === 'string' && eTag ? eTag : undefined };
    });
  }

  /** Writes a state if it is still the one read with `eTag` (undefined: the key is created). */
  save<T extends object>(key: string, state: T, eTag: string | undefined): Promise<void> {
    return this.guard('write', () => this.storage.write({ [key]: { ...state, eTag: eTag ?? '*' } }));
  }

  private async guard<T>(op: string, fn: () => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    try {
      if (!(this.timeoutMs > 0)) return await fn();
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new StorageUnavailableError(`storage ${op} timed out after ${this.timeoutMs} ms`)), this.timeoutMs);
        timer.unref();
      });
      return await Promise.race([fn(), timeout]);
    } catch (err) {
      if (err instanceof StorageUnavailableError || err instanceof StorageConflictError) throw err;
      if (isETagConflict(err)) throw new StorageConflictError(`storage ${op}: concurrent update (ETag conflict)`);
      throw new StorageUnavailableError(`storage ${op} failed: ${(err as Error)?.message ?? String(err)}`, { cause: err });
    } finally {
      clearTimeout(timer);
    }
  }
}

/** Key parts an operator can read; never the whole id (see stateKey). */
function readable(text: string, max: number): string {
  return text.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, max) || '_';
}

/**
 * A storage key for one conversation's or user's state. The ids themselves are
 * hashed with their channel: any two different (channelId, ids) get different
 * keys, however long the ids or whatever characters they hold, and every key
 * is short and made of characters no backend rewrites (Blob storage drops empty
 * path segments and cuts keys at 1,024 characters). The readable head (channel
 * and the first id's first characters) is there for operators only.
 */
function stateKey(kind: 'conversations' | 'users', channelId: string, ...ids: string[]): string {
  const digest = hash('sha256', JSON.stringify([channelId, ...ids]), 'hex');
  return `${readable(channelId, 32)}/${kind}/${readable(ids[0], 24)}-${digest}`;
}

/** Whether several people write in the conversation: a channel (each thread is one) or a group chat. */
export function isSharedConversation(activity: Partial<Activity>): boolean {
  const c = activity.conversation;
  return c?.isGroup === true || c?.conversationType === 'channel' || c?.conversationType === 'groupChat';
}

/**
 * The storage keys of an activity's conversation state and user state. Where the
 * conversation is shared, its state is each person's own (their walk, their reply
 * language, the answers they got): one person's message never answers another's
 * step. A personal chat has one state, as it has one person.
 */
export function stateKeys(activity: Partial<Activity>): { conversation: string; user: string } {
  const channelId = String(activity.channelId ?? '');
  const conversationId = String(activity.conversation?.id ?? '');
  const userId = String(activity.from?.id ?? '');
  return {
    conversation: isSharedConversation(activity) ? stateKey('conversations', channelId, conversationId, userId) : stateKey('conversations', channelId, conversationId),
    user: stateKey('users', channelId, userId),
  };
}
