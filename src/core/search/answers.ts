/**
 * Builds answers from ranked candidates: curated answers in the asker's language,
 * passages as cited quotes (with an English lead line for English askers).
 */
import type { CuratedAnswer } from '../../content/curated.js';
import type { GlossaryEntry } from '../../content/glossary.js';
import type { Passage } from '../../content/passages.js';
import type { Authority, Citation, Lang, SourceDocument } from '../../content/types.js';
import { containsKey, foldForLookup } from './exact-lookup.js';
import type { QuoteIndex } from './quote-index.js';
import type { AnalyzedQuery, QuestionForm } from './query.js';
import type { Answer } from './types.js';

/** True when ids[from..to) holds id (a sentence has a few dozen distinct terms at most). */
function holds(ids: ArrayLike<number>, from: number, to: number, id: number): boolean {
  for (let i = from; i < to; i++) if (ids[i] === id) return true;
  return false;
}

/**
 * The sentence of the passage that best matches the question (most query weight,
 * exact keys counting most); always verbatim in the source document. The candidate
 * sentences (short enough, verbatim) and their terms were computed when the index was
 * built, so nothing is tokenized here.
 */
export function bestQuote(passage: Passage, item: number, quotes: QuoteIndex, q: AnalyzedQuery): string {
  const weights = [...q.weights].map(([t, w]) => [quotes.vocab.get(t) ?? -1, w] as const);
  let best = '';
  let bestScore = -1;
  for (let r = quotes.itemRows[item]; r < quotes.itemRows[item + 1]; r++) {
    const s = passage.text.slice(quotes.start[r], quotes.end[r]);
    let score = 0;
    for (const [id, w] of weights) if (id >= 0 && holds(quotes.termIds, quotes.termOffsets[r], quotes.termOffsets[r + 1], id)) score += w;
    if (q.exact.length) {
      const folded = foldForLookup(s);
      for (const k of q.exact) if (containsKey(folded, k)) score += 5;
    }
    // Prefer full sentences over bare headings when they score the same.
    score += Math.min(s.length, 80) / 1000;
    if (score > bestScore) {
      best = s;
      bestScore = score;
    }
  }
  if (best) return best;
  const first = passage.text.split('\n')[0].trim();
  return quotes.firstLineVerbatim[item] ? first : passage.text;
}

const SOURCE_LABEL: Record<Authority, string> = {
  'microsoft-docs': 'Microsoft documentation',
  'microsoft-support': 'a Microsoft support article',
  community: 'a community article (not from Microsoft)',
};

/**
 * The English topics of Japanese texts, from the glossary. Each entry's first English term and
 * its Japanese terms are folded once per knowledge base, not for every answer to an English asker.
 */
export class GlossaryTopics {
  private readonly entries: { en: string; ja: string[] }[];

  constructor(glossary: readonly GlossaryEntry[]) {
    const fold = (t: string) => foldForLookup(t).replace(/\s+/g, '');
    this.entries = glossary
      .filter((e) => e.en[0] && /^[\x20-\x7e]+$/.test(e.en[0]))
      .map((e) => ({ en: e.en[0], ja: e.ja.map(fold).filter((j) => [...j].length >= 2) }))
      .filter((e) => e.ja.length);
  }

  /** The English topics of a Japanese text: the first English term of each entry whose Japanese terms occur in it (longest first, at most `max`). */
  of(text: string, max = 4): string[] {
    const folded = foldForLookup(text).replace(/\s+/g, '');
    const found = this.entries
      .map((e) => ({ en: e.en, ja: Math.max(0, ...e.ja.filter((j) => folded.includes(j)).map((j) => j.length)) }))
      .filter((x) => x.ja > 0)
      .sort((a, b) => b.ja - a.ja);
    return [...new Set(found.map((x) => x.en))].slice(0, max);
  }
}

/**
 * English for a Japanese passage answered to an English asker, from data we have: the English
 * answer of a curated entry that cites the same passage, or else what the passage's section
 * and quote are about (glossary topics), led as the question's form wants (see fitToQuestion).
 * Undefined when there is neither: no English answer.
 */
export function englishGist(
  passage: Passage,
  doc: SourceDocument,
  quote: string,
  citing: readonly CuratedAnswer[],
  glossary: GlossaryTopics,
  form: QuestionForm = 'other',
  lead: (entry: CuratedAnswer) => LeadFit = () => 'as-written',
): string | undefined {
  const source = `${SOURCE_LABEL[doc.authority]} (${doc.url})`;
  const entry = citing.find((e) => e.citations.some((c) => c.quote === quote)) ?? citing[0];
  if (entry) return `${fitToQuestion(entry.answer.en, form, lead(entry))} (From ${source}; the passage is quoted below in Japanese.)`;
  const topics = glossary.of(`${passage.sectionPath.slice(-2).join(' ')}\n${quote}`);
  if (!topics.length) return undefined;
  return `${source} covers this in a section about ${topics.join(', ')}; the passage is quoted below in Japanese.`;
}

/**
 * English beside a Japanese quote in an English reply (a walk outcome's sources, a note's): the
 * first sentence of what a curated entry says in English whose main source the quote is (the one
 * citing fewest sources), since that entry's answer renders it; or else what the quote is about
 * (glossary topics; its section's, when the quote names none). Neither: the reply can only say
 * the source is Japanese. A curated entry merely citing the quote among others says more than it.
 */
export interface QuoteEnglish {
  gist?: string;
  topics?: string[];
}

const GIST_MAX = 200;

export function quoteEnglish(citation: Pick<Citation, 'quote' | 'section'>, citing: readonly CuratedAnswer[], glossary: GlossaryTopics): QuoteEnglish {
  const entry = citing.filter((e) => e.citations[0]?.quote === citation.quote).sort((a, b) => a.citations.length - b.citations.length)[0];
  if (entry) return { gist: firstSentence(withoutYesNoLead(entry.answer.en.trim()), GIST_MAX) };
  const topics = distinctTopics(glossary.of(citation.quote, 6));
  if (topics.length) return { topics };
  const around = distinctTopics(glossary.of(citation.section.split(' > ').slice(-2).join(' '), 6));
  return around.length ? { topics: around } : {};
}

/** At most three topics, without one that is a word of another ("token" beside "access token"). */
function distinctTopics(topics: readonly string[]): string[] {
  const within = (t: string, other: string) => other !== t && ` ${other.toLowerCase()} `.includes(` ${t.toLowerCase()} `);
  return topics.filter((t) => !topics.some((o) => within(t, o))).slice(0, 3);
}

/**
 * The text's first sentence, cut at a word with "…" past `max` characters. A first paragraph
 * written as a list ("…invalid when:" and its items) is one sentence, its items joined by "; ".
 */
function firstSentence(text: string, max: number): string {
  const paragraph = text.split(/\n\s*\n/)[0].replace(/:\s*\n\s*[-*]\s+/g, ': ').replace(/\s*\n\s*[-*]\s+/g, '; ').replace(/\s*\n\s*/g, ' ');
  const first = paragraph.split(/(?<=[.!?])\s+(?=[A-Z])/)[0];
  if (first.length <= max) return first;
  const cut = first.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2)).replace(/[\s,;:]+$/, '')}…`;
}

export function passageCitation(passage: Passage, doc: SourceDocument, quote: string): Citation {
  return { docId: doc.id, title: doc.title, url: doc.url, section: passage.section, quote, passage: passage.text };
}

/**
 * A text that ends by announcing what follows: 「以下の点を意識しましょう。」, 「次の方法を試してみてください。」,
 * a closing colon. Answered alone it promises a list the reader never gets.
 */
const ANNOUNCES_WHAT_FOLLOWS = /(?:以下|次)の[^。\n]{0,20}(?:ましょう|ください|です|ます|とおり|通り)[。:：]?\s*$|[:：]\s*$/u;

/** True when the passage's text ends by announcing what follows it (see ANNOUNCES_WHAT_FOLLOWS). */
export function announcesWhatFollows(text: string): boolean {
  return ANNOUNCES_WHAT_FOLLOWS.test(text);
}

/** The label lines of the documents' callouts, in either language, and the Japanese label each is shown with. */
const ADMONITION_LABELS: Record<string, string> = { 注意: '注意', note: '注意', 重要: '重要', important: '重要', ヒント: 'ヒント', tip: 'ヒント', 警告: '警告', warning: '警告', caution: '警告' };
const ADMONITION_LINE = /^[ \t]*(注意|重要|ヒント|警告|Note|Important|Tip|Warning|Caution)[ \t]*\n(?:[ \t]*\n)*/gimu;

/**
 * A callout's label line (「注意」, an English "Note" left in a translated page) joined to the
 * paragraph it labels as 「注意: …」, so an answer neither opens with a bare word nor shows an
 * English heading in Japanese text.
 */
function withInlineAdmonitions(text: string): string {
  return text.replace(ADMONITION_LINE, (_, label: string) => `${ADMONITION_LABELS[label.toLowerCase()] ?? label}: `);
}

/**
 * A passage as an answer: its text in Japanese, `english` (see englishGist) for English askers.
 * A Japanese text announcing what follows ends with the headings of the sections that follow it
 * (`following`), so the reader sees what the list holds and can ask about each.
 */
export function passageAnswer(passage: Passage, doc: SourceDocument, score: number, lang: Lang, quote: string, english?: string, following: readonly string[] = []): Answer {
  const text = withInlineAdmonitions(passage.text);
  const ja = following.length ? `${text}\n${following.map((h) => `- ${h}`).join('\n')}` : text;
  return {
    id: passage.id,
    kind: 'passage',
    text: lang === 'ja' ? ja : (english ?? ''),
    score,
    citations: [passageCitation(passage, doc, quote)],
  };
}

/** A leading yes or no: the answer of a yes/no question, wrong first words for any other. */
const YES_NO_LEAD = /^(?:はい|いいえ)[。、]\s*|^(?:Yes|No)[.,]\s+/;

/** True when the text opens with a yes or a no (「はい。」, "No, …"). */
export function hasYesNoLead(text: string): boolean {
  return YES_NO_LEAD.test(text);
}

/**
 * How a curated answer's yes or no fits a yes/no question: as written; not at all (the question
 * does not name what it is about, or asks where, when or how); or inverted, for a question asking
 * whether things stay fine ("will it survive…?", 「まだ使える？」) about an entry written for
 * whether they break.
 */
export type LeadFit = 'as-written' | 'none' | 'inverted';

/**
 * The answer's text as the question's form wants it: a why / how-long / how question gets the
 * reason, the duration or the way first, not the "Yes." / 「はい。」 its answer opens with
 * for the yes/no phrasing of the same fact; a yes/no question gets the lead as `lead` says.
 */
export function fitToQuestion(text: string, form: QuestionForm, lead: LeadFit = 'as-written'): string {
  if ((form !== 'yes-no' && form !== 'other') || lead === 'none') return withoutYesNoLead(text);
  return lead === 'inverted' ? invertedLead(text) : text;
}

const INVERSE: Record<string, string> = { はい: 'いいえ', いいえ: 'はい', Yes: 'No', No: 'Yes' };

/** The text with its opening yes and no swapped (「はい。」 ↔ 「いいえ。」, "Yes." ↔ "No."). */
function invertedLead(text: string): string {
  return text.replace(/^(はい|いいえ|Yes|No)(?=[。、.,])/, (w) => INVERSE[w]);
}

/**
 * A word that asks for something other than yes or no (where, when, what, how, which):
 * 「すべてサインアウトってどこでやるの？」 is answered with the place, not with 「はい。」.
 */
const ASKS_WH = /どこ|いつ(?!も)|なに|何(?![度回もか])|どう|どれ|どの|なぜ|\b(?:where|when|what|how|which|who|why)\b/iu;

/**
 * Asking whether things stay fine, the opposite of whether they break: "will my connection
 * survive…", "keep working", "still OK", 「まだ使える」「大丈夫」「問題ない」「影響はない」.
 */
const STAYS_FINE =
  /まだ使え|使い続け|使え(?:る|ます)(?:\s*[?？か]|\s*$)|大丈夫|問題(?:ない|なく|ありません|なし)|平気|影響(?:は)?(?:ない|ありません|なし)|動き続け|有効なまま|そのまま使え|\b(?:survive|still (?:work|works|working|fine|ok|okay|good|valid|usable|be (?:fine|ok|okay|valid|usable))|keep (?:working|running)|continue (?:to work|working|running)|be (?:fine|ok|okay|safe|unaffected)|stay (?:valid|connected|active|alive|working)|unaffected)\b/iu;

/**
 * The lead a question gets (see LeadFit), given whether it names what the entry is about and the
 * entry's own yes/no questions (read only for a question asking whether things stay fine).
 */
export function leadFit(question: string, namesSubject: boolean, entryYesNoQuestions: () => readonly string[]): LeadFit {
  const folded = question.normalize('NFKC');
  if (!namesSubject || ASKS_WH.test(folded)) return 'none';
  return STAYS_FINE.test(folded) && !entryYesNoQuestions().some((q) => STAYS_FINE.test(q.normalize('NFKC'))) ? 'inverted' : 'as-written';
}

/** The text without the "Yes." / 「はい。」 it opens with, if any. */
export function withoutYesNoLead(text: string): string {
  const rest = text.replace(YES_NO_LEAD, '');
  return rest === text || !rest ? text : rest[0].toUpperCase() + rest.slice(1);
}

export function curatedAnswer(entry: CuratedAnswer, score: number, lang: Lang, form: QuestionForm = 'other', lead: LeadFit = 'as-written'): Answer {
  const answer: Answer = { id: entry.id, kind: 'curated', text: fitToQuestion(entry.answer[lang], form, lead), score, citations: entry.citations };
  if (entry.notes.length) answer.notes = mergeNotes(entry.notes.map((n) => ({ text: n.text[lang], citations: n.citations })));
  return answer;
}

type Note = NonNullable<Answer['notes']>[number];

/** Sources one merged note keeps (the first ones met). */
const MAX_NOTE_CITATIONS = 4;

/**
 * Notes saying the same thing become one: the same text (or one containing the other), or the
 * same caveat from several curated entries (the same documents cited, e.g. "the MFA article's
 * advice no longer applies"), keeping the first text and the sources of all.
 */
export function mergeNotes(notes: readonly Note[]): Note[] {
  // A single note has nothing to be merged with: its text is not folded (a fold per answer).
  if (notes.length < 2) return notes.map((n) => ({ text: n.text, citations: n.citations.slice(0, MAX_NOTE_CITATIONS) }));
  const out: Note[] = [];
  const key = (t: string) => foldForLookup(t).replace(/[\s\p{P}]/gu, '');
  const docs = (n: Note) => [...new Set(n.citations.map((c) => c.docId))].sort().join('\n');
  for (const n of notes) {
    const k = key(n.text);
    const same = out.find((o) => {
      const ok = key(o.text);
      return ok === k || ok.includes(k) || k.includes(ok) || docs(o) === docs(n);
    });
    if (!same) {
      out.push({ text: n.text, citations: n.citations.slice(0, MAX_NOTE_CITATIONS) });
      continue;
    }
    for (const c of n.citations) {
      if (same.citations.length >= MAX_NOTE_CITATIONS) break;
      if (!same.citations.some((x) => x.docId === c.docId && x.quote === c.quote)) same.citations.push(c);
    }
  }
  return out;
}
