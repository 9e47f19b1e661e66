/** Builds the event log (and its reader) the configuration asks for. */
import { BlobEventSink } from './blob-sink.js';
import type { EventLogConfig } from './config.js';
import { EventLog, type EventLogWarnings } from './event-log.js';
import { FileEventSink } from './file-sink.js';
import type { EventSink, EventSource } from './sink.js';

/** Blob Storage when a connection string is configured (all replicas in one place), else the local folder. */
export function eventSinkFor(config: EventLogConfig): EventSink & EventSource {
  return config.connectionString
    ? new BlobEventSink(config.connectionString, config.container, config.instance)
    : new FileEventSink(config.dir, config.instance);
}

/** The server's event recorder; undefined when EVENT_LOG=off. */
export function createEventLog(config: EventLogConfig, logger?: EventLogWarnings): EventLog | undefined {
  if (!config.enabled) return undefined;
  return new EventLog(eventSinkFor(config), {
    keepText: config.keepText,
    maxBytesPerDay: config.maxBytesPerDay,
    retentionDays: config.retentionDays,
    logger,
  });
}
