/**
 * Evaluation of the knowledge base on a question file in the dev.jsonl format:
 * top-1/top-3 hit rates per language, out-of-scope questions declined, English
 * questions answered in English, and quotes verbatim.
 */
import { readFileSync } from 'node:fs';
import { foldForQuote, isVerbatimQuote } from '../../content/quotes.js';
import type { Lang, SourceDocument } from '../../content/types.js';
import { detectLang } from '../language.js';
import type { AskResult } from './types.js';

export interface GoldRef {
  doc: string;
  any: string[];
}

export interface EvalQuestion {
  id: string;
  lang: Lang;
  q: string;
  /** Null for out-of-scope questions, which must be declined. */
  gold: GoldRef[] | null;
}

export interface EvalOutcome {
  question: EvalQuestion;
  result: AskResult;
  /** Rank (1-based) of the first answer that hits the gold, or 0. */
  hitRank: number;
}

export interface Rate {
  hits: number;
  total: number;
}

export interface EvalReport {
  top1: Record<Lang | 'all', Rate>;
  top3: Record<Lang | 'all', Rate>;
  declined: Rate;
  englishInEnglish: Rate;
  quotesVerbatim: Rate;
  outcomes: EvalOutcome[];
}

/** Parses a JSONL evaluation file (blank lines ignored). */
export function readEvalFile(file: string): EvalQuestion[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      const q = JSON.parse(l) as EvalQuestion;
      if (typeof q.q !== 'string') throw new Error(`${file}:${i + 1}: no "q"`);
      return { ...q, id: q.id ?? String(i + 1), lang: q.lang ?? detectLang(q.q) };
    });
}

/** A hit: the answer cites a gold document with a passage containing one of its gold phrases. */
export function answerHits(answer: AskResult['answers'][number], gold: readonly GoldRef[]): boolean {
  return answer.citations.some((c) =>
    gold.some((g) => g.doc === c.docId && g.any.some((phrase) => foldForQuote(c.passage).includes(foldForQuote(phrase)))),
  );
}

function hitRank(result: AskResult, gold: readonly GoldRef[]): number {
  const i = result.answers.findIndex((a) => answerHits(a, gold));
  return i + 1;
}

const rate = (): Rate => ({ hits: 0, total: 0 });

/** Runs every question through `ask` and scores the answers. */
export function evaluate(
  questions: readonly EvalQuestion[],
  ask: (q: string) => AskResult,
  documents: readonly SourceDocument[],
): EvalReport {
  const report: EvalReport = {
    top1: { ja: rate(), en: rate(), all: rate() },
    top3: { ja: rate(), en: rate(), all: rate() },
    declined: rate(),
    englishInEnglish: rate(),
    quotesVerbatim: rate(),
    outcomes: [],
  };
  const docs = new Map(documents.map((d) => [d.id, d]));
  for (const question of questions) {
    const result = ask(question.q);
    for (const a of result.answers) {
      for (const c of [...a.citations, ...(a.notes ?? []).flatMap((n) => n.citations)]) {
        report.quotesVerbatim.total++;
        const doc = docs.get(c.docId);
        if (doc && isVerbatimQuote(c.quote, doc.body)) report.quotesVerbatim.hits++;
      }
    }
    if (!question.gold) {
      report.declined.total++;
      if (!result.answered) report.declined.hits++;
      report.outcomes.push({ question, result, hitRank: 0 });
      continue;
    }
    const rank = hitRank(result, question.gold);
    for (const key of [question.lang, 'all'] as const) {
      report.top1[key].total++;
      report.top3[key].total++;
      if (rank === 1) report.top1[key].hits++;
      if (rank >= 1 && rank <= 3) report.top3[key].hits++;
    }
    if (question.lang === 'en') {
      report.englishInEnglish.total++;
      if (result.answered && result.answers.every((a) => detectLang(a.text, 'en') === 'en')) report.englishInEnglish.hits++;
    }
    report.outcomes.push({ question, result, hitRank: rank });
  }
  return report;
}

export function pct(r: Rate): string {
  return r.total ? `${((100 * r.hits) / r.total).toFixed(1)}% (${r.hits}/${r.total})` : 'n/a';
}

/** The report as readable lines. */
export function formatReport(r: EvalReport): string {
  return [
    `top-1  ja ${pct(r.top1.ja)}  en ${pct(r.top1.en)}  all ${pct(r.top1.all)}`,
    `top-3  ja ${pct(r.top3.ja)}  en ${pct(r.top3.en)}  all ${pct(r.top3.all)}`,
    `out-of-scope declined   ${pct(r.declined)}`,
    `English answered in English ${pct(r.englishInEnglish)}`,
    `quotes verbatim         ${pct(r.quotesVerbatim)}`,
  ].join('\n');
}
