/**
 * HTTP load with autocannon's programmatic API: N connections, each its own
 * Teams conversation (own conversation and user id), posting questions with
 * deliveryMode expectReplies so every request is one full turn, replies included.
 */
import { randomUUID } from 'node:crypto';
import { cpuTimeMs } from './table.js';

/* eslint-disable @typescript-eslint/no-require-imports */
// autocannon ships no types; only the fields used here are declared.
interface AutocannonRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  setupRequest(req: AutocannonRequest & { body?: string }, context: Record<string, unknown>): AutocannonRequest & { body: string };
}
interface Histogram {
  p50: number;
  p97_5: number;
  p99: number;
  average: number;
  mean: number;
  total: number;
}
interface AutocannonResult {
  latency: Histogram & { p90: number };
  requests: Histogram;
  non2xx: number;
  errors: number;
  timeouts: number;
  duration: number;
}
const autocannon = require('autocannon') as (opts: Record<string, unknown>) => Promise<AutocannonResult>;

export interface LoadFigures {
  connections: number;
  turnsPerSec: number;
  p50: number;
  p95: number;
  p99: number;
  total: number;
  non2xx: number;
  errors: number;
  /** The server's CPU time per turn (user + system, ms), when its process id was given. */
  cpuMsPerTurn: number;
}

/**
 * Requests per conversation before autocannon recycles the context: it clears a
 * connection's context each time it wraps around the request list, so a list of
 * this length gives each connection one conversation of that many turns.
 */
const TURNS_PER_CONVERSATION = 200;

/**
 * Runs `connections` concurrent conversations for `seconds`, cycling through `questions`.
 * With the server's `pid`, its CPU time per turn is measured too: on a shared machine it
 * moves less than turns/s, which also depend on how much CPU the server was given.
 */
export async function httpLoad(url: string, connections: number, seconds: number, questions: readonly { q: string; lang: string }[], pid?: number): Promise<LoadFigures> {
  let next = 0;
  const requests: AutocannonRequest[] = Array.from({ length: TURNS_PER_CONVERSATION }, () => ({
    method: 'POST',
    path: '/api/messages',
    headers: { 'content-type': 'application/json' },
    setupRequest(req, context) {
      // One conversation per connection (context is per connection).
      context.conv ??= `bench-${randomUUID()}`;
      context.user ??= `user-${randomUUID()}`;
      const { q, lang } = questions[next++ % questions.length];
      const activity = {
        type: 'message',
        id: randomUUID(),
        channelId: 'msteams',
        serviceUrl: 'https://smba.example.invalid/',
        conversation: { id: context.conv },
        from: { id: context.user, name: 'Bench' },
        recipient: { id: 'bot', name: 'Bot' },
        deliveryMode: 'expectReplies',
        locale: lang === 'en' ? 'en-US' : 'ja-JP',
        text: q,
      };
      return { ...req, body: JSON.stringify(activity) };
    },
  }));
  const cpuBefore = pid === undefined ? NaN : cpuTimeMs(pid);
  const r = await autocannon({ url, connections, duration: seconds, requests, timeout: 10 });
  const cpuMs = pid === undefined ? NaN : cpuTimeMs(pid) - cpuBefore;
  // autocannon reports p97.5 and p99 but no p95; p90 and p97.5 bracket it, so interpolate.
  const p95 = r.latency.p90 + ((r.latency.p97_5 - r.latency.p90) * (95 - 90)) / (97.5 - 90);
  return {
    connections,
    turnsPerSec: (r.requests.total - r.non2xx) / r.duration,
    p50: r.latency.p50,
    p95,
    p99: r.latency.p99,
    total: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
    cpuMsPerTurn: cpuMs / r.requests.total,
  };
}
