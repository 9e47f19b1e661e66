/** Reads the recorded events and opens the knowledge base, for the report and `kb suggest`. */
import { parseEvents, summarize, type EventSummary } from '../../core/events/index.js';
import { KnowledgeBase } from '../../core/search/knowledge-base.js';
import { loadEventLogConfig } from '../../server/events/config.js';
import { eventSinkFor } from '../../server/events/create.js';
import { FileEventSink } from '../../server/events/file-sink.js';
import type { KnowledgeLookup } from './owner-view.js';

export interface TrafficOptions {
  /** A folder of day files; default: where the server writes (EVENT_LOG_DIR, or the Blob container when configured). */
  eventsDir?: string;
  knowledgeDir?: string;
  /** Where the index of a non-default knowledge folder is kept (default: .cache, by the folder's path). */
  indexFile?: string;
}

export async function loadTraffic(options: TrafficOptions): Promise<{ summary: EventSummary; where: string }> {
  const source = options.eventsDir ? new FileEventSink(options.eventsDir, 'reader') : eventSinkFor(loadEventLogConfig(process.env));
  return { summary: summarize(parseEvents(await source.lines())), where: source.where };
}

export async function openLookup(options: TrafficOptions): Promise<KnowledgeLookup> {
  const { knowledgeDir, indexFile } = options;
  const kb = await KnowledgeBase.open({ answerCacheSize: 0, ...(knowledgeDir ? { knowledgeDir } : {}), ...(indexFile ? { indexFile } : {}) });
  return { curated: kb.curated, ask: (q, o) => kb.ask(q, o), termsOf: (t) => kb.analyzer.terms(t) };
}
