/** The event log in a local folder: one JSON-lines file per UTC day and instance. */
import { appendFile, mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { dayOfName, isExpired } from './day-files.js';
import type { EventSink, EventSource } from './sink.js';

export class FileEventSink implements EventSink, EventSource {
  readonly where: string;

  constructor(
    private readonly dir: string,
    private readonly instance: string,
  ) {
    this.where = dir;
  }

  private file(day: string): string {
    return join(this.dir, `${day}.${this.instance}.jsonl`);
  }

  async append(day: string, lines: string): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    await appendFile(this.file(day), lines, { encoding: 'utf8', mode: 0o644 });
  }

  async size(day: string): Promise<number> {
    try {
      return (await stat(this.file(day))).size;
    } catch {
      return 0;
    }
  }

  async prune(now: Date, retentionDays: number): Promise<number> {
    let removed = 0;
    for (const name of await this.names()) {
      const day = dayOfName(name);
      if (day && isExpired(day, now, retentionDays)) {
        await rm(join(this.dir, name), { force: true });
        removed++;
      }
    }
    return removed;
  }

  async lines(): Promise<string[]> {
    const out: string[] = [];
    for (const name of (await this.names()).sort()) {
      out.push(...(await readFile(join(this.dir, name), 'utf8')).split('\n').filter((l) => l.trim()));
    }
    return out;
  }

  private async names(): Promise<string[]> {
    try {
      return (await readdir(this.dir)).filter((n) => n.endsWith('.jsonl') && dayOfName(n));
    } catch {
      return [];
    }
  }
}
