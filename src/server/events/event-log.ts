/**
 * The bot's EventRecorder in the server: redacts each event, drops empty ones, and
 * appends them in batches to a sink (local day files or Blob Storage). Recording
 * never blocks or fails a turn: writes are queued, and a failed batch is kept for
 * the next try up to a bound. Each day is capped in bytes; expired days are deleted
 * at start and when a new day begins.
 */
import { isEmptyEvent, redactEvent, type BotEvent, type EventRecorder, type RedactionPolicy } from '../../core/events/index.js';
import { dayOf } from './day-files.js';
import type { EventSink } from './sink.js';

export interface EventLogWarnings {
  warn(obj: object, msg: string): void;
}

export interface EventLogOptions extends RedactionPolicy {
  maxBytesPerDay: number;
  retentionDays: number;
  logger?: EventLogWarnings;
  /** The clock (tests pass their own). */
  now?: () => Date;
}

/** Lines waiting while the sink is unreachable; past this the oldest are dropped. */
const MAX_PENDING = 10_000;

export class EventLog implements EventRecorder {
  private pending: { day: string; line: string }[] = [];
  private draining?: Promise<void>;
  private readonly bytes = new Map<string, number>();
  private readonly capped = new Set<string>();
  private prunedFor?: string;
  private retry?: NodeJS.Timeout;

  constructor(
    readonly sink: EventSink,
    private readonly options: EventLogOptions,
  ) {}

  record(event: BotEvent): void {
    if (isEmptyEvent(event)) return;
    const now = this.options.now?.() ?? new Date();
    const day = dayOf(new Date(Date.parse(event.time) || now.getTime()));
    this.pending.push({ day, line: JSON.stringify(redactEvent(event, this.options)) + '\n' });
    if (this.pending.length > MAX_PENDING) {
      this.pending.splice(0, this.pending.length - MAX_PENDING);
      this.options.logger?.warn({ where: this.sink.where }, 'event log backlog full: oldest events dropped');
    }
    void this.drain();
  }

  /** Resolves when everything recorded so far is written (or has failed and waits for a retry). */
  async flush(): Promise<void> {
    while (this.draining) await this.draining;
  }

  /** Writes what is pending and stops the retry timer (shutdown). */
  async close(): Promise<void> {
    if (this.retry) clearTimeout(this.retry);
    this.retry = undefined;
    await this.drain();
    await this.flush();
  }

  private drain(): Promise<void> {
    this.draining ??= this.writeAll().finally(() => {
      this.draining = undefined;
    });
    return this.draining;
  }

  private async writeAll(): Promise<void> {
    while (this.pending.length) {
      const batch = this.pending;
      this.pending = [];
      const done = new Set<string>();
      try {
        await this.pruneOnce();
        for (const day of new Set(batch.map((b) => b.day))) {
          await this.writeDay(day, batch.filter((b) => b.day === day).map((b) => b.line));
          done.add(day);
        }
      } catch (err) {
        // Kept for later: the sink may be back in a moment. Days already written are not written twice.
        this.pending = [...batch.filter((b) => !done.has(b.day)), ...this.pending].slice(-MAX_PENDING);
        this.options.logger?.warn({ err: (err as Error).message, where: this.sink.where }, 'could not write the event log; will retry');
        this.retry ??= setTimeout(() => {
          this.retry = undefined;
          void this.drain();
        }, 5000).unref();
        return;
      }
    }
  }

  private async writeDay(day: string, lines: string[]): Promise<void> {
    let used = this.bytes.get(day) ?? (await this.sink.size(day));
    const room: string[] = [];
    for (const line of lines) {
      const n = Buffer.byteLength(line);
      if (used + n > this.options.maxBytesPerDay) break;
      room.push(line);
      used += n;
    }
    if (room.length < lines.length && !this.capped.has(day)) {
      this.capped.add(day);
      this.options.logger?.warn({ day, maxBytes: this.options.maxBytesPerDay }, "event log reached the day's size cap: later events of the day are dropped");
    }
    if (room.length) await this.sink.append(day, room.join(''));
    this.bytes.set(day, used);
  }

  private async pruneOnce(): Promise<void> {
    const now = this.options.now?.() ?? new Date();
    const today = dayOf(now);
    if (this.prunedFor === today) return;
    this.prunedFor = today;
    for (const d of [...this.bytes.keys()]) if (d < today) this.bytes.delete(d);
    await this.sink.prune(now, this.options.retentionDays);
  }
}
