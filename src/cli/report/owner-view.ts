/**
 * What the owner sees and pastes: unanswered questions grouped by shared terms, each
 * group with its nearest curated entry, and the YAML to add its phrasings there (or a
 * glossary pair when no entry is near). Shared by the report and `kb suggest`.
 */
import { dump } from 'js-yaml';
import { basename } from 'node:path';
import type { CuratedAnswer } from '../../content/curated.js';
import type { Lang } from '../../content/types.js';
import { groupQuestions, type EventSummary, type QuestionGroup } from '../../core/events/index.js';

/** What the report and suggestions need from the knowledge base. */
export interface KnowledgeLookup {
  curated: readonly CuratedAnswer[];
  ask(question: string, options: { lang: Lang; limit: number }): { answers: { id: string; kind: string }[]; suggestions?: string[] };
  termsOf(text: string): string[];
}

export interface OwnerGroup extends QuestionGroup {
  /** Why the group is here: never answered well, or answered and rated 👎. */
  source: 'unanswered' | 'disliked';
  nearest?: CuratedAnswer;
  /** answer: the search gives that entry for these questions; suggestion: it is only offered as "did you mean". */
  nearestHow?: Nearest['how'];
  /** For a 👎 group: the answer that was rated. */
  dislikedAnswer?: string;
  /** Paste-ready YAML: phrasings for the nearest entry, or a glossary pair to fill in. */
  snippet: string;
}

export interface Nearest {
  entry: CuratedAnswer;
  /** answer: the search answers the question with this entry (phrasings fit there); suggestion: only "did you mean". */
  how: 'answer' | 'suggestion';
}

/** The nearest curated entry to a question: the best curated answer, else the first "did you mean" entry. */
export function nearestEntry(kb: KnowledgeLookup, question: string, lang: Lang, except?: string): Nearest | undefined {
  const r = kb.ask(question, { lang, limit: 5 });
  const best = r.answers.find((a) => a.kind === 'curated' && a.id !== except);
  const entry = best && kb.curated.find((c) => c.id === best.id);
  if (entry) return { entry, how: 'answer' };
  for (const s of r.suggestions ?? []) {
    const e = kb.curated.find((c) => c.questions[lang].includes(s) && c.id !== except);
    if (e) return { entry: e, how: 'suggestion' };
  }
  return undefined;
}

/** A phrasing worth pasting: the placeholders redaction left are taken out. */
function phrasing(text: string): string {
  return text.replace(/\s*\[(email|guid|token|id)\]/g, '').replace(/[\s,、]+$/, '').trim();
}

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
const ASCII = /^[\x20-\x7e]+$/;

function snippetFor(group: QuestionGroup, nearest: Nearest | undefined): string {
  const add: Record<string, string[]> = {};
  for (const lang of ['ja', 'en'] as const) {
    const list = [...new Set(group.questions.filter((q) => q.lang === lang).map((q) => phrasing(q.text)))].filter((t) => t && !nearest?.entry.questions[lang].includes(t));
    if (list.length) add[lang] = list;
  }
  const phrasings = nearest && `# ${basename(nearest.entry.file)}, entry "${nearest.entry.id}": add under questions (each list as it is)\n` + dump({ questions: add }, { lineWidth: -1 });
  if (nearest?.how === 'answer') return phrasings!;
  // One pair per shared term (a glossary entry is one concept), the other language to fill in.
  const pairs = group.terms.slice(0, 3).map((t) => (ASCII.test(t) ? { en: [t], ja: ['TODO'] } : { en: ['TODO'], ja: [t] }));
  const glossary =
    '# glossary.yaml: add under terms (replace each TODO), or write a curated entry for these questions\n' +
    dump(pairs.length ? pairs : [{ en: ['TODO'], ja: ['TODO'] }], { lineWidth: -1, flowLevel: 1 });
  return phrasings ? `${glossary}# or, if they ask what "${nearest!.entry.id}" answers:\n${phrasings}` : glossary;
}

/** Groups of unanswered questions and of questions whose answers got 👎, most asked first. */
export function ownerGroups(summary: EventSummary, kb: KnowledgeLookup, maxGroups = 20): OwnerGroup[] {
  const out: OwnerGroup[] = [];
  for (const g of groupQuestions(summary.unanswered, kb.termsOf, maxGroups)) {
    const top = g.questions[0];
    const nearest = nearestEntry(kb, top.text, top.lang);
    out.push({ ...g, source: 'unanswered', nearest: nearest?.entry, nearestHow: nearest?.how, snippet: snippetFor(g, nearest) });
  }
  for (const d of summary.disliked) {
    if (!d.questions.length) continue;
    // A 👎 on an answer: the question may belong to another entry, or needs one of its own.
    const questions = d.questions.map((text) => ({ text, lang: (JAPANESE.test(text) ? 'ja' : 'en') as Lang, count: 1 }));
    const terms = [...new Set(kb.termsOf(questions[0].text).filter((t) => [...t].length >= 2))];
    const group: QuestionGroup = { terms, questions, count: d.dislikes };
    const nearest = nearestEntry(kb, questions[0].text, questions[0].lang, d.answerId);
    out.push({ ...group, source: 'disliked', dislikedAnswer: d.answerId, nearest: nearest?.entry, nearestHow: nearest?.how, snippet: snippetFor(group, nearest) });
  }
  return out;
}
