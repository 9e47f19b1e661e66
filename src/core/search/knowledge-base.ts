/**
 * The knowledge base the bot and the CLIs ask: `ask()` answers synchronously in the
 * asker's language from what knowledge-loader loaded (documents, curated answers, the
 * analyzer and the search index).
 */
import type { CuratedAnswer, CuratedNote } from '../../content/curated.js';
import type { GlossaryEntry } from '../../content/glossary.js';
import type { Passage } from '../../content/passages.js';
import type { Authority, Citation, SourceDocument } from '../../content/types.js';
import type { Analyzer } from '../analysis/analyzer.js';
import { detectLang } from '../language.js';
import { LRUCache } from 'lru-cache';
import { deepFreeze } from '../deep-freeze.js';
import { AnswerCache } from './answer-cache.js';
import { announcesWhatFollows, bestQuote, curatedAnswer, englishGist, GlossaryTopics, hasYesNoLead, leadFit, mergeNotes, passageAnswer, quoteEnglish, type LeadFit, type QuoteEnglish } from './answers.js';
import { exactKeys, foldForLookup, KeyFinder } from './exact-lookup.js';
import type { GlossaryExpander } from './glossary-expansion.js';
import type { IndexedItem, SearchIndex } from './index-store.js';
import { loadKnowledge, type IndexSource, type LoadedKnowledge, type LoadOptions } from './knowledge-loader.js';
import { topicOf, withTopic } from './follow-up.js';
import { nearTopicsNamed, uncoveredNames } from './near-topics.js';
import { asksForFun } from './playful-requests.js';
import { analyzeQuery, questionForm, type AnalyzedQuery, type Concept, type QuestionForm } from './query.js';
import { asksAdvice } from './question-frames.js';
import { FormStatements, rankCandidates, shouldAnswer, subjectFirst, type Candidate } from './ranking.js';
import { searchTerm, TermCache } from './term-search.js';
import type { Answer, AskOptions, AskResult } from './types.js';
import type { Variants } from './variants.js';

export interface CacheOptions {
  /** Search results kept for later questions, in hits (see TermCache; 0 keeps none). */
  searchCacheHits?: number;
  /** Whole answers kept for repeated questions, in entries (see AnswerCache; 0 keeps none), and as many questions as read. */
  answerCacheSize?: number;
}

export type OpenOptions = LoadOptions & CacheOptions;

/**
 * How many of the best candidates ranking returns (see rankCandidates): answers come from the
 * first few (a passage already cited by a curated answer above it is skipped).
 */
const RANKED_KEPT = 100;
/** Sources an answer keeps when answers saying the same in English are merged into it. */
const MAX_MERGED_CITATIONS = 4;
/**
 * A thing a question names is what a curated entry is about when the questions of at most this
 * share of the entries name it: the decision table's rows share 接続, 無効 and 切れる with a large
 * part of the entries, while パスワード, MFA, SSPR or デバイス登録 belong to a few.
 */
const SUBJECT_MAX_SHARE = 0.12;
/** Headings listed after a passage that announces what follows (see sectionsAfter). */
const MAX_FOLLOWING_SECTIONS = 8;

export class KnowledgeBase {
  readonly documents: readonly SourceDocument[];
  readonly passages: readonly Passage[];
  readonly curated: readonly CuratedAnswer[];
  readonly glossary: readonly GlossaryEntry[];
  /** Problems found while loading (broken files, rejected entries), each naming the file. */
  readonly loadErrors: readonly string[];
  readonly indexSource: IndexSource;

  private readonly passageById: Map<string, Passage>;
  /** Passage id → its position in `passages` (document order). */
  private readonly passageIndex: Map<string, number>;
  private readonly curatedById: Map<string, CuratedAnswer>;
  private readonly docById: Map<string, SourceDocument>;
  /**
   * Per item of the index: folded text for exact lookup (folded at open: the first question
   * naming a code would otherwise fold the whole corpus), source authority.
   */
  private readonly folded: string[];
  /** Per item the folded title of the document a passage comes from (empty for curated answers). */
  private readonly foldedTitles: string[];
  /** The items containing an exact key, in their folded text or their document's title. */
  private readonly keyFinder: KeyFinder;
  /** What each item's text states for a question's form (a duration, a fallback, a recommendation). */
  private readonly statements: FormStatements;
  private readonly authorities: Authority[];
  /** Per item: the forms of the questions a curated answer was written for (see questionForm), 'advice' for a passage under an advice heading. */
  private readonly forms: ReadonlySet<QuestionForm>[];
  /** Per item: the documents it comes from (see RankContext.documents). */
  private readonly itemDocuments: string[][];
  /** Per item: whether it is the first passage of its document. */
  private readonly openings: boolean[];
  /** Per item: how many distinct setting and cmdlet names it contains (see RankContext.keysNamed). */
  private readonly keyCounts: number[];
  /** Caveats of curated entries keyed by the passages their notes cite (see passageNotes). */
  private readonly notesByPassage: Map<string, { note: CuratedNote; entry: CuratedAnswer }[]>;
  /** Curated entries keyed by the passages they cite: their English is a passage's English gist. */
  private readonly curatedByPassage = new Map<string, CuratedAnswer[]>();
  /** Curated entries keyed by the sections (document and section path) of the passages they cite. */
  private readonly curatedBySection = new Map<string, CuratedAnswer[]>();
  /** Curated entry id → its position in the index. */
  private readonly curatedItems: Map<string, number>;
  /** The names of near topics (Intune, DLP, Teams meetings) that no text of the knowledge contains. */
  private readonly uncoveredTopics: readonly string[];
  /** Term → the curated entries whose questions hold it (see entriesAsking), for the terms some do. */
  private readonly askingTerm = new Map<string, readonly number[]>();

  readonly analyzer: Analyzer;
  private readonly index: SearchIndex;
  private readonly expander: GlossaryExpander;
  private readonly variants: Variants;
  private readonly searchCache: TermCache;
  private readonly answerCache: AnswerCache;
  /**
   * Questions as read, by text: a turn reads its message for a follow-up, asks it and takes its
   * topic, and a repeated question is read again though its answer is cached. Off with the answer cache.
   */
  private readonly analyses: LRUCache<string, AnalyzedQuery> | undefined;
  /**
   * English beside quotes, by passage, section and quote: a walk's outcome shows the same quotes
   * on every turn an English asker spends there. Bounded as the questions read are, and off with them.
   */
  private readonly englishOfQuote: LRUCache<string, QuoteEnglish> | undefined;
  /** The glossary's English topics of Japanese texts, for English askers (see GlossaryTopics). */
  private readonly topics: GlossaryTopics;

  constructor(loaded: LoadedKnowledge, caches: CacheOptions = {}) {
    this.documents = loaded.documents;
    this.passages = loaded.passages;
    this.curated = loaded.curated;
    this.glossary = loaded.glossary;
    this.topics = new GlossaryTopics(loaded.glossary);
    this.loadErrors = loaded.loadErrors;
    this.indexSource = loaded.indexSource;
    this.analyzer = loaded.analyzer;
    this.index = loaded.index;
    this.expander = loaded.expander;
    this.variants = loaded.variants;
    this.searchCache = new TermCache(caches.searchCacheHits);
    this.answerCache = new AnswerCache(caches.answerCacheSize);
    this.analyses = this.answerCache.maxEntries > 0 ? new LRUCache({ max: this.answerCache.maxEntries }) : undefined;
    this.englishOfQuote = this.answerCache.maxEntries > 0 ? new LRUCache({ max: this.answerCache.maxEntries }) : undefined;
    this.passageById = new Map(loaded.passages.map((p) => [p.id, p]));
    this.passageIndex = new Map(loaded.passages.map((p, i) => [p.id, i]));
    this.curatedById = new Map(loaded.curated.map((c) => [c.id, c]));
    this.curatedItems = new Map(this.index.items.flatMap((item, i) => (item.kind === 'curated' ? [[item.ref, i] as const] : [])));
    this.docById = new Map(loaded.documents.map((d) => [d.id, d]));
    this.authorities = this.index.items.map((item) => this.authorityOf(item));
    this.folded = this.index.items.map((item) => this.foldItem(item));
    this.foldedTitles = this.index.items.map((item) => {
      const p = item.kind === 'passage' ? this.passageById.get(item.ref) : undefined;
      return foldForLookup((p && this.docById.get(p.docId)?.title) ?? '');
    });
    this.uncoveredTopics = uncoveredNames(loaded.nearTopics, this.index.items.map((item) => this.rawText(item)));
    this.statements = new FormStatements((i) => this.folded[i], this.index.items.length);
    this.keyFinder = new KeyFinder(this.folded.map((text, i) => [text, this.foldedTitles[i]]));
    const firstPassages = new Set(this.documents.map((d) => loaded.passages.find((p) => p.docId === d.id)?.id));
    this.keyCounts = this.index.items.map((item) => exactKeys(this.rawText(item)).filter((k) => !/^\d+$/.test(k)).length);
    this.openings = this.index.items.map((item) => item.kind === 'passage' && firstPassages.has(item.ref));
    this.itemDocuments = this.index.items.map((item) =>
      item.kind === 'passage' ? [this.passageById.get(item.ref)?.docId ?? ''] : [...new Set(this.curatedById.get(item.ref)?.citations.map((c) => c.docId) ?? [])],
    );
    this.forms = this.index.items.map((item) => {
      if (item.kind === 'passage') {
        // A section headed as advice (「…を防ぐための改善策」, 推奨設定) answers questions for advice.
        const p = this.passageById.get(item.ref);
        return new Set<QuestionForm>(p && asksAdvice(p.section) ? ['advice'] : []);
      }
      const e = this.curatedById.get(item.ref);
      return new Set(e ? [...e.questions.ja, ...e.questions.en].map(questionForm) : []);
    });
    this.notesByPassage = new Map();
    const passageByKey = new Map(loaded.passages.map((p) => [passageKey(p), p]));
    for (const entry of loaded.curated) {
      for (const c of entry.citations) {
        const list = this.curatedByPassage.get(citationKey(c)) ?? [];
        if (!list.includes(entry)) list.push(entry);
        this.curatedByPassage.set(citationKey(c), list);
        const cited = passageByKey.get(citationKey(c));
        if (cited) {
          const section = sectionKey(cited.docId, cited.sectionPath);
          const inSection = this.curatedBySection.get(section) ?? [];
          if (!inSection.includes(entry)) inSection.push(entry);
          this.curatedBySection.set(section, inSection);
        }
      }
      for (const note of entry.notes) {
        for (const c of note.citations) {
          const key = citationKey(c);
          const list = this.notesByPassage.get(key) ?? [];
          if (!list.some((x) => x.note === note)) list.push({ note, entry });
          this.notesByPassage.set(key, list);
        }
      }
    }
  }

  /** Loads the knowledge (see loadKnowledge) and answers from it. */
  static async open(options: OpenOptions = {}): Promise<KnowledgeBase> {
    return new KnowledgeBase(await loadKnowledge(options), options);
  }

  /**
   * Caveats for a passage answer: when a curated note says this passage conflicts with
   * or is outdated by another source, the passage answer carries that note, citing the
   * note's sources and the curated entry's main (preferred) source.
   */
  private passageNotes(answer: Answer, lang: 'ja' | 'en'): Answer['notes'] {
    const found = this.notesByPassage.get(citationKey(answer.citations[0]));
    if (!found?.length) return undefined;
    return mergeNotes(
      found.map(({ note, entry }) => {
        const citations = [...note.citations];
        const main = entry.citations[0];
        if (main && !citations.some((c) => citationKey(c) === citationKey(main))) citations.push(main);
        return { text: note.text[lang], citations };
      }),
    );
  }

  /** A question as this knowledge base reads it (concepts, weights, form): what `ask` searches with. */
  analyze(question: string): AnalyzedQuery {
    const cached = this.analyses?.get(question);
    if (cached) return cached;
    const q = deepFreeze(analyzeQuery(question, this.analyzer, this.expander, this.variants));
    this.analyses?.set(question, q);
    return q;
  }

  /** What a question is about, as its asker wrote it, most specific first: the topic a follow-up carries on (see follow-up.ts). */
  topicOf(question: string): string[] {
    return topicOf(this.analyze(question), (c) => this.commonness(c));
  }

  /** A follow-up written out with the topic of the question before it; the question itself when it is one of its own. */
  withTopic(question: string, topic: readonly string[]): string {
    return topic.length ? (withTopic(question, this.analyze(question), topic, (c) => this.commonness(c)) ?? question) : question;
  }

  /** English beside a quote of a Japanese source (see quoteEnglish), from the curated entries citing its passage. */
  englishOf(citation: Citation): QuoteEnglish {
    const passage = citationKey(citation);
    const key = `${passage}\u0000${citation.section}\u0000${citation.quote}`;
    const known = this.englishOfQuote?.get(key);
    if (known) return known;
    const english = Object.freeze(quoteEnglish(citation, this.curatedByPassage.get(passage) ?? [], this.topics));
    this.englishOfQuote?.set(key, english);
    return english;
  }

  /** How many items have the concept's main term in a covering field: the fewer, the more specific. */
  private commonness(c: Concept): number {
    return c.terms.length ? searchTerm(this.index, c.terms[0], this.searchCache).df : 0;
  }

  /**
   * Answers a question: best answers first (at most `limit`), or answered=false when out of
   * scope. A repeated question gets the same (frozen) result object from the answer cache.
   */
  ask(question: string, options: AskOptions = {}): AskResult {
    const lang = options.lang ?? detectLang(question);
    const limit = options.limit ?? 5;
    return this.answerCache.get(question, lang, limit, () => this.search(question, lang, limit));
  }

  private search(question: string, lang: 'ja' | 'en', limit: number): AskResult {
    // A joke or a poem about our topics is asked for fun: no text of the knowledge is that.
    if (asksForFun(question)) return { question, lang, answered: false, answers: [] };
    const q = this.analyze(question);
    const ranked = subjectFirst(
      q,
      rankCandidates(
        q,
        this.index,
        { foldedText: (i) => this.folded[i], foldedTitle: (i) => this.foldedTitles[i], itemsWithKey: (k) => this.keyFinder.itemsWith(k), authority: (i) => this.authorities[i], cache: this.searchCache, statements: this.statements, forms: (i) => this.forms[i], opening: (i) => this.openings[i], documents: (i) => this.itemDocuments[i], keysNamed: (i) => this.keyCounts[i] },
        RANKED_KEPT,
      ),
      (i) => this.folded[i],
    );
    // A question naming a product or feature next to ours that no text names (see near-topics) is
    // about what the knowledge does not have, whatever else it shares with the documents; so is a
    // long message about one, whose last sentence alone may ask something the documents answer.
    const offTopic = !ranked.some((c) => c.exactHits > 0) && this.asksAboutUncoveredTopic(question, q);
    if (offTopic || !shouldAnswer(q, ranked, (i) => this.folded[i], (i) => this.forms[i])) {
      // A message telling its situation at length and asking last ("we moved office last week… does
      // the token care about IP?"): the sentence that asks is the question.
      const asking = askingSentence(question);
      // Its answer must also be among the best for the whole message, which says what it is about.
      // A bare "fix?" names nothing of its own to ask about.
      if (!offTopic && asking && this.analyze(asking).concepts.length >= 2) {
        const r = this.search(asking, lang, limit);
        const first = r.answers[0]?.id;
        if (r.answered && ranked.slice(0, 5).some((c) => c.item.id === first || c.item.ref === first)) return { ...r, question };
      }
      const suggestions = this.suggestions(ranked, lang);
      return { question, lang, answered: false, answers: [], ...(suggestions.length ? { suggestions } : {}) };
    }
    const answers: Answer[] = [];
    const cited = new Set<string>();
    for (const c of ranked) {
      if (answers.length >= limit) break;
      const answer = this.toAnswer(c, lang, q, question);
      if (!answer) continue;
      // A passage already cited by a curated answer above adds nothing; an answer whose English an
      // answer above already gave (a passage's English is a curated entry's, see curatedFor) adds
      // only its sources to that one.
      if (answer.kind === 'passage' && cited.has(citationKey(answer.citations[0]))) continue;
      const same = lang === 'en' ? answers.find((a) => sameEnglish(a.text, answer.text)) : undefined;
      if (same) {
        const added = answer.citations.filter((cit) => !cited.has(citationKey(cit))).slice(0, Math.max(0, MAX_MERGED_CITATIONS - same.citations.length));
        for (const cit of added) cited.add(citationKey(cit));
        if (added.length) answers[answers.indexOf(same)] = { ...same, citations: [...same.citations, ...added] };
        continue;
      }
      for (const cit of answer.citations) cited.add(citationKey(cit));
      answers.push(answer);
    }
    return { question, lang, answered: answers.length > 0, answers };
  }

  private toAnswer(c: Candidate, lang: 'ja' | 'en', q: ReturnType<typeof analyzeQuery>, question: string): Answer | undefined {
    const score = Math.round(c.score * 1000) / 1000;
    if (c.item.kind === 'curated') {
      const entry = this.curatedById.get(c.item.ref);
      return entry && curatedAnswer(entry, score, lang, q.form, this.leadFor(entry, question, q));
    }
    const passage = this.passageById.get(c.item.ref);
    const doc = passage && this.docById.get(passage.docId);
    if (!passage || !doc) return undefined;
    const quote = bestQuote(passage, c.itemIndex, this.index.quotes, q);
    // An English asker gets English from data we have, or no answer from this passage.
    const english = lang === 'en' ? englishGist(passage, doc, quote, this.curatedFor(passage), this.topics, q.form, (entry) => this.leadFor(entry, question, q)) : undefined;
    if (lang === 'en' && !english) return undefined;
    const following = lang === 'ja' && announcesWhatFollows(passage.text) ? this.sectionsAfter(passage) : [];
    const answer = passageAnswer(passage, doc, score, lang, quote, english, following);
    const notes = this.passageNotes(answer, lang);
    return notes ? { ...answer, notes } : answer;
  }

  /**
   * The curated entries whose English a passage can be given: those citing it, else those citing
   * another passage of its section or of the section it is part of (an example under a change).
   */
  private curatedFor(passage: Passage): readonly CuratedAnswer[] {
    const own = this.curatedByPassage.get(passageKey(passage));
    if (own?.length) return own;
    for (let depth = passage.sectionPath.length; depth > 1; depth--) {
      const found = this.curatedBySection.get(sectionKey(passage.docId, passage.sectionPath.slice(0, depth)));
      if (found?.length) return found;
    }
    return [];
  }

  /**
   * The headings of the sections a passage announces (see announcesWhatFollows), in document
   * order: its subsections, or in a document without nesting the sections after it at its own
   * level, up to the next passage announcing a list of its own or MAX_FOLLOWING_SECTIONS. None
   * when its own section goes on (what it announces is right there: an example, a table).
   */
  private sectionsAfter(passage: Passage): string[] {
    const headings: string[] = [];
    const path = passage.sectionPath;
    const within = (p: Passage, depth: number) => path.slice(0, depth).every((h, k) => p.sectionPath[k] === h);
    let children = false;
    for (let i = this.passageIndex.get(passage.id)! + 1; i < this.passages.length && headings.length < MAX_FOLLOWING_SECTIONS; i++) {
      const next = this.passages[i];
      if (next.docId !== passage.docId || announcesWhatFollows(next.text)) break;
      const own = next.sectionPath.length === path.length && within(next, path.length);
      const child = next.sectionPath.length > path.length && within(next, path.length);
      const sibling = !children && next.sectionPath.length === path.length && within(next, path.length - 1);
      if (own && (children || !headings.length)) break;
      if (!child && !sibling && !own) break;
      children ||= child;
      const heading = child ? next.sectionPath[path.length] : next.sectionPath.at(-1);
      if (heading && !own && !headings.includes(heading)) headings.push(heading);
    }
    return headings;
  }

  /** How a curated entry's yes or no fits the question (see leadFit). */
  private leadFor(entry: CuratedAnswer, question: string, q: AnalyzedQuery): LeadFit {
    return leadFit(question, this.namesSubject(entry, q), () => [...entry.questions.ja, ...entry.questions.en].filter((asked) => questionForm(asked) === 'yes-no'));
  }

  /**
   * True when the question names what a curated entry's yes or no is about: a thing it mentions
   * (not an everyday word such as 止まる or "happen") that the entry's own questions name and few
   * entries' questions share (パスワード or SSPR for "does a password change break it?", not 接続,
   * 無効 or 切れる, which a large part of the entries have). An answer opening with no yes or no
   * needs nothing named.
   */
  private namesSubject(entry: CuratedAnswer, q: AnalyzedQuery): boolean {
    if (!hasYesNoLead(entry.answer.ja) && !hasYesNoLead(entry.answer.en)) return true;
    const item = this.curatedItems.get(entry.id);
    const most = Math.max(1, Math.floor(this.curated.length * SUBJECT_MAX_SHARE));
    return q.concepts.some((c) => {
      if (c.general || c.context) return false;
      const asking = new Set(c.terms.filter((t) => !c.partial.has(t)).flatMap((t) => this.entriesAsking(t)));
      return item !== undefined && asking.has(item) && asking.size <= most;
    });
  }

  /** The index positions of the curated entries whose questions hold the term (minisearch over the questions field). */
  private entriesAsking(term: string): readonly number[] {
    const known = this.askingTerm.get(term);
    if (known) return known;
    const found = this.index.miniSearch.search(term, { fields: ['questions'] }).map((r) => r.id as number).filter((i) => this.index.items[i]?.kind === 'curated');
    // Only terms the questions hold are kept, so what askers type cannot grow the map.
    if (found.length) this.askingTerm.set(term, found);
    return found;
  }

  /**
   * Whether a question names a near topic no text names (see near-topics) as what it asks about: a
   * name only in the asker's description of their own things (「Teamsのチャネルに投稿するフロー」,
   * "my flow that posts to a Teams channel") says what the flow is for, not what is asked.
   */
  private asksAboutUncoveredTopic(question: string, q: AnalyzedQuery): boolean {
    return nearTopicsNamed(question, this.uncoveredTopics).some((name) => {
      const folded = foldForLookup(name).replace(/\s+/g, '');
      const parts = q.concepts.filter((c) => {
        const label = foldForLookup(c.label).replace(/\s+/g, '');
        return label.length > 0 && (folded.includes(label) || label.includes(folded));
      });
      return !parts.length || parts.some((c) => !c.context);
    });
  }

  /** "Did you mean" phrasings of curated answers that matched part of the question. */
  private suggestions(ranked: readonly Candidate[], lang: 'ja' | 'en'): string[] {
    return ranked
      .filter((c) => c.item.kind === 'curated' && c.coverage > 0)
      .slice(0, 3)
      .map((c) => this.curatedById.get(c.item.ref)?.questions[lang][0])
      .filter((s): s is string => !!s);
  }

  private authorityOf(item: IndexedItem): Authority {
    if (item.kind === 'passage') {
      const p = this.passageById.get(item.ref);
      return (p && this.docById.get(p.docId)?.authority) ?? 'community';
    }
    const entry = this.curatedById.get(item.ref);
    const main = entry?.citations[0];
    return (main && this.docById.get(main.docId)?.authority) ?? 'community';
  }

  private foldItem(item: IndexedItem): string {
    return foldForLookup(this.rawText(item));
  }

  /** The text exact keys are looked up in: a passage's, or a curated entry's questions, answers and quotes. */
  private rawText(item: IndexedItem): string {
    if (item.kind === 'passage') return this.passageById.get(item.ref)?.text ?? '';
    const e = this.curatedById.get(item.ref);
    return e ? [...e.questions.ja, ...e.questions.en, e.answer.ja, e.answer.en, ...e.citations.map((c) => c.quote)].join('\n') : '';
  }
}

/** Whether two English answers say the same: one's text is the other's, before a passage's "(From …)" note. */
function sameEnglish(a: string, b: string): boolean {
  const lead = (t: string) => t.replace(/ \(From [^)]*\)[^]*$/, '');
  return lead(a) === lead(b);
}

/** Identifies a section of a document. */
function sectionKey(docId: string, path: readonly string[]): string {
  return `${docId}\n${path.join('\n')}`;
}

/** Identifies the passage a citation points into. */
function citationKey(c: Pick<Citation, 'docId' | 'passage'>): string {
  return `${c.docId}\n${c.passage}`;
}

/** The key a citation into the passage has (see citationKey). */
function passageKey(p: Pick<Passage, 'docId' | 'text'>): string {
  return citationKey({ docId: p.docId, passage: p.text });
}

/**
 * The last sentence of a message of several that asks (ends in a question mark), when the
 * sentences before it tell the situation; undefined for a message of one sentence.
 */
export function askingSentence(message: string): string | undefined {
  const sentences = message.match(/[^。.!！?？\n]+[。.!！?？]*/g)?.map((x) => x.trim()).filter(Boolean) ?? [];
  const last = sentences.at(-1);
  if (sentences.length < 2 || !last || !/[?？]$/.test(last)) return undefined;
  return last;
}
