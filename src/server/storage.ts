import type { Storage, StoreItems } from 'botbuilder';
import type { BlobsStorage } from 'botbuilder-azure-blobs';
import { isETagConflict } from '../bot/conversation-store.js';
import { ExpiringMemoryStorage } from './memory-storage.js';

export interface StorageOptions {
  connectionString?: string;
  container?: string;
  /** Upper bound for one storage call before the turn reports "temporarily unavailable". */
  timeoutMs?: number;
  /** Memory only: how long an idle conversation's state is kept. */
  memoryTtlMinutes?: number;
}

/**
 * BlobsStorage creates its container once, on first use, and keeps the outcome:
 * one failure while storage is down would fail every later call of that
 * instance. So after a failure (other than an ETag conflict, which is an
 * answer, not an outage) the next call goes to a new BlobsStorage, which
 * tries again.
 */
class ReconnectingBlobsStorage implements Storage {
  private inner: BlobsStorage;

  constructor(private readonly create: () => BlobsStorage) {
    this.inner = create();
  }

  read(keys: string[]): Promise<StoreItems> {
    return this.run((s) => s.read(keys));
  }

  write(changes: StoreItems): Promise<void> {
    return this.run((s) => s.write(changes));
  }

  delete(keys: string[]): Promise<void> {
    return this.run((s) => s.delete(keys));
  }

  private async run<T>(fn: (s: BlobsStorage) => Promise<T>): Promise<T> {
    const inner = this.inner;
    try {
      return await fn(inner);
    } catch (err) {
      if (!isETagConflict(err) && this.inner === inner) this.inner = this.create();
      throw err;
    }
  }
}

/**
 * The bot's state storage: Azure Blob Storage when a connection string is set
 * (several instances share it), otherwise in-process memory that forgets idle
 * conversations after `memoryTtlMinutes` (a day by default). `timeoutMs` is the
 * limit the conversation store puts on each call: none for memory, which
 * answers at once or throws.
 */
export function createStorage(options: StorageOptions = {}): { storage: Storage; kind: 'memory' | 'blobs'; timeoutMs: number } {
  if (!options.connectionString) {
    return { storage: new ExpiringMemoryStorage((options.memoryTtlMinutes ?? 1440) * 60_000), kind: 'memory', timeoutMs: 0 };
  }
  // Loaded only when configured: memory mode should not pay for loading the Azure SDK at every start.
  const { BlobsStorage: Blobs } = require('botbuilder-azure-blobs') as typeof import('botbuilder-azure-blobs');
  const { connectionString, container = 'bot-state' } = options;
  const create = () =>
    new Blobs(connectionString, container, {
      // Fail fast: a user waiting in Teams is better served by "try again" in seconds
      // than by the SDK's default minute of retries.
      storagePipelineOptions: { retryOptions: { maxTries: 2, tryTimeoutInMs: 4000, retryDelayInMs: 200, maxRetryDelayInMs: 1000 } },
    });
  return { storage: new ReconnectingBlobsStorage(create), kind: 'blobs', timeoutMs: options.timeoutMs ?? 8000 };
}
