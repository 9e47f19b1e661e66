/**
 * A recorded day of traffic, written through the real event log (so redaction applies):
 * unanswered questions that share terms, with e-mail addresses, object ids and a token
 * in them; answered questions; 👎 with comments; diagnosis outcomes.
 */
import { questionHash, type BotEvent } from '../../../src/core/events/index.js';
import { EventLog } from '../../../src/server/events/event-log.js';
import { FileEventSink } from '../../../src/server/events/file-sink.js';

export const DAY = '2026-11-30';
const at = (h: number, m: number) => `${DAY}T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00.000Z`;

function question(text: string, outcome: 'answered' | 'declined' | 'low-confidence', lang: 'ja' | 'en', time: string, answerId?: string): BotEvent {
  return { kind: 'question', time, outcome, lang, hash: questionHash(text), ...(outcome !== 'answered' ? { text } : {}), ...(answerId ? { answerId, answerKind: 'curated' as const, score: 120 } : {}) };
}

/** Personal data that must not reach the files. */
export const SECRETS = ['sato.hanako@contoso.co.jp', '7c9e6679-7425-40de-944b-e07fc1f90ae7', 'eyJhbGciOiJSUzI1NiJ9.eyJvaWQiOiIxMjMifQ.c2lnbmF0dXJlc2lnbmF0dXJl', 'ken@fabrikam.com'];

export function trafficDay(): BotEvent[] {
  const events: BotEvent[] = [];
  let minute = 0;
  const next = () => at(9 + Math.floor(minute / 60), minute++ % 60);
  // Three phrasings about the gateway's recovery key, asked five times, never answered.
  for (const text of ['ゲートウェイの回復キーを忘れました sato.hanako@contoso.co.jp', 'ゲートウェイの回復キーはどこで確認できますか', 'ゲートウェイの回復キーを忘れました sato.hanako@contoso.co.jp']) {
    events.push(question(text, 'declined', 'ja', next()));
  }
  events.push(question('ゲートウェイの回復キー 再発行 7c9e6679-7425-40de-944b-e07fc1f90ae7', 'declined', 'ja', next()));
  events.push(question('ゲートウェイの回復キーはどこで確認できますか', 'declined', 'ja', next()));
  // Low confidence in English, with a token pasted in.
  events.push(question('refresh token of the connector expired, token eyJhbGciOiJSUzI1NiJ9.eyJvaWQiOiIxMjMifQ.c2lnbmF0dXJlc2lnbmF0dXJl', 'low-confidence', 'en', next()));
  events.push(question('how long does a connector refresh token last', 'low-confidence', 'en', next()));
  // Answered ones.
  for (let i = 0; i < 8; i++) events.push(question(`MaxInactiveTime ${i}`, 'answered', i % 2 ? 'en' : 'ja', next(), 'token-lifetimes-max-inactive'));
  // Feedback: two 👎 with comments on one answer, one 👍 elsewhere, an empty one.
  events.push({ kind: 'feedback', time: next(), reaction: 'dislike', answerId: 'mechanism-connection-uses-tokens', comment: '違う話です。ken@fabrikam.com まで連絡ください', question: 'ゲートウェイ経由の接続が切れる' });
  events.push({ kind: 'feedback', time: next(), reaction: 'dislike', answerId: 'mechanism-connection-uses-tokens', comment: 'ゲートウェイの話が知りたい' });
  events.push({ kind: 'feedback', time: next(), reaction: 'like', answerId: 'token-lifetimes-max-inactive' });
  events.push({ kind: 'feedback', time: next(), reaction: null, answerId: null });
  // Walks: one branch solved twice, one not solved, one abandoned.
  const walk = (outcome: 'solved' | 'not-solved' | 'abandoned', node: string): BotEvent => ({ kind: 'walk', time: next(), outcome, tree: 'invalid-connection', node, trail: ['role', 'symptom'] });
  events.push(walk('solved', 'out-inactive'), walk('solved', 'out-inactive'), walk('not-solved', 'out-mfa-required'), walk('abandoned', 'symptom'));
  return events;
}

/** Writes the day to `dir` as the server would; resolves when it is on disk. */
export async function recordTrafficDay(dir: string, keepText = true): Promise<void> {
  const log = new EventLog(new FileEventSink(dir, 'replica-1'), { keepText, maxBytesPerDay: 1e6, retentionDays: 3650 });
  for (const e of trafficDay()) log.record(e);
  await log.close();
}
