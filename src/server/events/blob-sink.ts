/**
 * The event log in Azure Blob Storage: one append blob per UTC day and instance
 * (`<day>/<instance>.jsonl`), so every replica writes to the same container without
 * two writers ever sharing a blob. Each flushed batch is one append.
 */
import type { ContainerClient } from '@azure/storage-blob';
import { dayOfName, isExpired } from './day-files.js';
import type { EventSink, EventSource } from './sink.js';

/** A turn never waits on this, but a stuck call must not hold the queue for the SDK's default minutes. */
const RETRY = { maxTries: 2, tryTimeoutInMs: 10_000 };

export class BlobEventSink implements EventSink, EventSource {
  readonly where: string;
  private readonly container: ContainerClient;
  private ready?: Promise<unknown>;
  private readonly created = new Set<string>();

  constructor(
    connectionString: string,
    containerName: string,
    private readonly instance: string,
  ) {
    // Loaded only when configured: the Azure SDK adds to every start in local mode.
    const { BlobServiceClient } = require('@azure/storage-blob') as typeof import('@azure/storage-blob');
    this.container = BlobServiceClient.fromConnectionString(connectionString, { retryOptions: RETRY }).getContainerClient(containerName);
    this.where = `blob container ${containerName}`;
  }

  private name(day: string): string {
    return `${day}/${this.instance}.jsonl`;
  }

  private async containerReady(): Promise<void> {
    // A failed creation is forgotten so the next batch tries again.
    this.ready ??= this.container.createIfNotExists().catch((e: unknown) => {
      this.ready = undefined;
      throw e;
    });
    await this.ready;
  }

  async append(day: string, lines: string): Promise<void> {
    await this.containerReady();
    const blob = this.container.getAppendBlobClient(this.name(day));
    if (!this.created.has(day)) {
      await blob.createIfNotExists({ blobHTTPHeaders: { blobContentType: 'application/x-ndjson; charset=utf-8' } });
      this.created.add(day);
    }
    const body = Buffer.from(lines, 'utf8');
    await blob.appendBlock(body, body.length);
  }

  async size(day: string): Promise<number> {
    await this.containerReady();
    try {
      return (await this.container.getAppendBlobClient(this.name(day)).getProperties()).contentLength ?? 0;
    } catch (e) {
      if ((e as { statusCode?: number }).statusCode === 404) return 0;
      throw e;
    }
  }

  async prune(now: Date, retentionDays: number): Promise<number> {
    await this.containerReady();
    let removed = 0;
    for await (const b of this.container.listBlobsFlat()) {
      const day = dayOfName(b.name);
      if (day && isExpired(day, now, retentionDays)) {
        await this.container.deleteBlob(b.name, { deleteSnapshots: 'include' }).catch(() => undefined);
        this.created.delete(day);
        removed++;
      }
    }
    return removed;
  }

  async lines(): Promise<string[]> {
    await this.containerReady();
    const out: string[] = [];
    const names: string[] = [];
    for await (const b of this.container.listBlobsFlat()) if (dayOfName(b.name)) names.push(b.name);
    for (const name of names.sort()) {
      const buf = await this.container.getBlobClient(name).downloadToBuffer();
      out.push(...buf.toString('utf8').split('\n').filter((l) => l.trim()));
    }
    return out;
  }
}
