/**
 * Groups unanswered questions by the terms they share, so the owner sees "12 people
 * asked about ゲートウェイ 回復キー" instead of twelve lines. The terms come from
 * the caller (the search analyzer), so grouping follows what the search sees.
 */
import type { Lang } from '../../content/types.js';
import type { QuestionEvent } from './types.js';

export interface GroupedQuestion {
  text: string;
  lang: Lang;
  count: number;
}

export interface QuestionGroup {
  /** Terms every question of the group shares (the grouping term first). */
  terms: string[];
  questions: GroupedQuestion[];
  /** Asks in all, repeats included. */
  count: number;
}

/** Distinct questions (by hash) with how often each was asked; events without text are left out. */
function distinct(events: readonly QuestionEvent[]): GroupedQuestion[] {
  const byHash = new Map<string, GroupedQuestion>();
  for (const e of events) {
    if (!e.text) continue;
    const q = byHash.get(e.hash);
    if (q) q.count++;
    else byHash.set(e.hash, { text: e.text, lang: e.lang, count: 1 });
  }
  return [...byHash.values()];
}

export function groupQuestions(events: readonly QuestionEvent[], termsOf: (text: string) => string[], maxGroups = 20): QuestionGroup[] {
  const items = distinct(events).map((q) => ({ q, terms: new Set(termsOf(q.text).filter((t) => [...t].length >= 2)) }));
  const groups: QuestionGroup[] = [];
  let left = items;
  while (left.length) {
    // The term shared by the most asks among questions not yet grouped; needs two different questions.
    const weight = new Map<string, { asks: number; questions: number }>();
    for (const it of left) {
      for (const t of it.terms) {
        const w = weight.get(t) ?? { asks: 0, questions: 0 };
        w.asks += it.q.count;
        w.questions++;
        weight.set(t, w);
      }
    }
    const best = [...weight].filter(([, w]) => w.questions >= 2).sort((a, b) => b[1].asks - a[1].asks || b[1].questions - a[1].questions || a[0].localeCompare(b[0]))[0];
    if (!best) {
      for (const it of left) groups.push({ terms: [...it.terms], questions: [it.q], count: it.q.count });
      break;
    }
    const members = left.filter((it) => it.terms.has(best[0]));
    const shared = [best[0], ...[...members[0].terms].filter((t) => t !== best[0] && members.every((m) => m.terms.has(t)))];
    groups.push({ terms: shared, questions: members.map((m) => m.q).sort((a, b) => b.count - a.count), count: members.reduce((n, m) => n + m.q.count, 0) });
    left = left.filter((it) => !it.terms.has(best[0]));
  }
  return groups.sort((a, b) => b.count - a.count).slice(0, maxGroups);
}
