/** Where the event log's day files go: a local folder or a Blob container. */
export interface EventSink {
  /** Human-readable place, for logs ("./data/events", "blob container bot-events"). */
  readonly where: string;
  /** Appends JSON lines (each ending in "\n") to this instance's file of `day`. */
  append(day: string, lines: string): Promise<void>;
  /** Bytes this instance already stored for `day` (0 when none). */
  size(day: string): Promise<number>;
  /** Deletes the day files (of every instance) older than the retention; returns how many. */
  prune(now: Date, retentionDays: number): Promise<number>;
}

/** Reads back every stored event line (all days, all instances), for the report and suggestions. */
export interface EventSource {
  readonly where: string;
  lines(): Promise<string[]>;
}
