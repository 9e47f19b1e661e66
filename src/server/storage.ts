import { MemoryStorage, type Storage, type StoreItems } from 'botbuilder';
import type { BlobsStorage } from 'botbuilder-azure-blobs';
import { GuardedStorage } from '../bot/state.js';

export interface StorageOptions {
  connectionString?: string;
  container?: string;
  /** Upper bound for one storage call before the turn reports "temporarily unavailable". */
  timeoutMs?: number;
}

/**
 * BlobsStorage caches its one-time "create container" promise, so a single
 * failure while storage is down would break it for the life of the process.
 * This wrapper forgets a failed initialisation so the next turn tries again.
 */
class RecoveringBlobsStorage implements Storage {
  constructor(private readonly inner: BlobsStorage) {}

  read(keys: string[]): Promise<StoreItems> {
    return this.run(() => this.inner.read(keys));
  }

  write(changes: StoreItems): Promise<void> {
    return this.run(() => this.inner.write(changes));
  }

  delete(keys: string[]): Promise<void> {
    return this.run(() => this.inner.delete(keys));
  }

  private async run<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      const holder = this.inner as unknown as { _initializePromise?: Promise<unknown> };
      const init = holder._initializePromise;
      if (init) {
        const failed = await init.then(() => false, () => true);
        if (failed && holder._initializePromise === init) holder._initializePromise = undefined;
      }
      throw err;
    }
  }
}

/**
 * The bot's state storage: Azure Blob Storage when a connection string is set
 * (several instances share it), otherwise in-process memory. Always wrapped in
 * GuardedStorage so failures surface as StorageUnavailableError / StorageConflictError.
 */
export function createStorage(options: StorageOptions = {}): { storage: Storage; kind: 'memory' | 'blobs' } {
  const timeoutMs = options.timeoutMs ?? 8000;
  // Memory answers at once or throws; only a remote store needs a timeout.
  if (!options.connectionString) return { storage: new GuardedStorage(new MemoryStorage(), 0), kind: 'memory' };
  // Loaded only when configured: the Azure SDK adds about 90 ms to every start in memory mode.
  const { BlobsStorage: Blobs } = require('botbuilder-azure-blobs') as typeof import('botbuilder-azure-blobs');
  const blobs = new Blobs(options.connectionString, options.container ?? 'bot-state', {
    // Fail fast: a user waiting in Teams is better served by "try again" in seconds
    // than by the SDK's default minute of retries.
    storagePipelineOptions: { retryOptions: { maxTries: 2, tryTimeoutInMs: 4000, retryDelayInMs: 200, maxRetryDelayInMs: 1000 } },
  });
  return { storage: new GuardedStorage(new RecoveringBlobsStorage(blobs), timeoutMs), kind: 'blobs' };
}
