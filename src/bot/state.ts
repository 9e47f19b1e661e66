import {
  ConversationState,
  UserState,
  type BotState,
  type Storage,
  type StoreItems,
  type TurnContext,
} from 'botbuilder';

/** Storage could not be reached (or timed out): the turn must not pretend it succeeded. */
export class StorageUnavailableError extends Error {
  override name = 'StorageUnavailableError';
}

/** Another turn wrote the same state first (ETag mismatch): retry the turn on fresh state. */
export class StorageConflictError extends Error {
  override name = 'StorageConflictError';
}

function isConflict(err: unknown): boolean {
  const e = err as { statusCode?: number; message?: string } | undefined;
  return e?.statusCode === 412 || /etag conflict|ConditionNotMet/i.test(String(e?.message ?? ''));
}

/**
 * Wraps any botbuilder Storage so its failures arrive as two well-known errors
 * (unavailable / conflict) and a hung backend cannot hold a turn forever
 * (`timeoutMs`; 0 for a backend that cannot hang, such as memory).
 */
export class GuardedStorage implements Storage {
  constructor(
    private readonly inner: Storage,
    private readonly timeoutMs = 8000,
  ) {}

  read(keys: string[]): Promise<StoreItems> {
    return this.guard('read', () => this.inner.read(keys));
  }

  write(changes: StoreItems): Promise<void> {
    return this.guard('write', () => this.inner.write(changes));
  }

  delete(keys: string[]): Promise<void> {
    return this.guard('delete', () => this.inner.delete(keys));
  }

  private async guard<T>(op: string, fn: () => Promise<T>): Promise<T> {
    if (!(this.timeoutMs > 0)) return this.mapErrors(op, fn);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new StorageUnavailableError(`storage ${op} timed out after ${this.timeoutMs} ms`)), this.timeoutMs);
      timer.unref();
    });
    try {
      return await this.mapErrors(op, () => Promise.race([fn(), timeout]));
    } finally {
      clearTimeout(timer);
    }
  }

  private async mapErrors<T>(op: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      if (err instanceof StorageUnavailableError || err instanceof StorageConflictError) throw err;
      if (isConflict(err)) throw new StorageConflictError(`storage ${op}: concurrent update (ETag conflict)`);
      const e = new StorageUnavailableError(`storage ${op} failed: ${(err as Error)?.message ?? String(err)}`);
      (e as Error & { cause?: unknown }).cause = err;
      throw e;
    }
  }
}

type StateInternals = {
  stateKey: symbol;
  storage: Storage;
  storageKey: (c: TurnContext) => string | Promise<string>;
};
type Cached = { state: Record<string, unknown>; hash: string };

/**
 * What a state looked like when read or written: its JSON without the eTag. botbuilder's
 * calculateChangeHash (a circular-safe stringify, then sha256) did the same job at several
 * times the cost, four times a turn; our state is plain JSON.
 */
function snapshot(state: Record<string, unknown>): string {
  const { eTag: _eTag, ...rest } = state;
  return JSON.stringify(rest);
}

/** What botbuilder keeps of a state for this turn (its turnState entry), once loaded. */
function cachedOf(state: BotState, context: TurnContext): Cached | undefined {
  return context.turnState.get((state as unknown as StateInternals).stateKey) as Cached | undefined;
}

/** BotState.load with the snapshot as change hash (see snapshot). */
function loadState(state: BotState, context: TurnContext, force: boolean): Promise<Record<string, unknown>> {
  const bs = state as unknown as StateInternals;
  const cached = cachedOf(state, context);
  if (!force && cached?.state) return Promise.resolve(cached.state);
  return Promise.resolve(bs.storageKey(context)).then(async (key) => {
    const items = await bs.storage.read([key]);
    const loaded = (items[key] ?? {}) as Record<string, unknown>;
    context.turnState.set(bs.stateKey, { state: loaded, hash: snapshot(loaded) } satisfies Cached);
    return loaded;
  });
}

/**
 * botbuilder's BotState.saveChanges writes with eTag "*" (last writer wins), so
 * two instances handling the same conversation would silently overwrite each
 * other. This version writes with the eTag it read, making a concurrent update a
 * StorageConflictError the bot can retry instead of lost state.
 */
function optimisticSave(state: BotState, context: TurnContext): Promise<void> {
  const bs = state as unknown as StateInternals;
  const cached = cachedOf(state, context);
  if (!cached) return Promise.resolve();
  const now = snapshot(cached.state);
  if (cached.hash === now) return Promise.resolve();
  return Promise.resolve(bs.storageKey(context)).then(async (k) => {
    const item = { ...cached.state };
    if (typeof item.eTag !== 'string' || !item.eTag) item.eTag = '*';
    await bs.storage.write({ [k]: item });
    // The new eTag is unknown after a write; a second save in this turn must not be blind,
    // so the cache is marked clean (as written) and the bot saves once per turn.
    cached.hash = now;
  });
}

/**
 * botbuilder's own forced (blind) save, after which the cache is marked clean in our
 * snapshot form: botbuilder records its sha256 there, which the next save would take
 * for a change.
 */
async function forcedSave(state: BotState, context: TurnContext, saved: Promise<void>): Promise<void> {
  await saved;
  const cached = cachedOf(state, context);
  if (cached) cached.hash = snapshot(cached.state);
}

/**
 * A botbuilder state class whose loads record the snapshot (see loadState) and whose saves
 * are optimistic (see optimisticSave). Conversation and user state differ only in their keys.
 */
// A mixin's base constructor must take `any[]` (TypeScript's rule for class mixins).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function safeState<B extends new (...args: any[]) => BotState>(Base: B) {
  return class extends Base {
    override load(context: TurnContext, force = false): Promise<Record<string, unknown>> {
      return loadState(this, context, force);
    }

    override saveChanges(context: TurnContext, force = false): Promise<void> {
      return force ? forcedSave(this, context, super.saveChanges(context, true)) : optimisticSave(this, context);
    }
  };
}

/** Conversation state saved with optimistic concurrency (see optimisticSave). */
export class SafeConversationState extends safeState(ConversationState) {}

/** User state saved with optimistic concurrency (see optimisticSave). */
export class SafeUserState extends safeState(UserState) {}
