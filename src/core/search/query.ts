/**
 * Turns a question into weighted search terms grouped into concepts. A concept is
 * one thing the asker mentioned (a word, a compound with its parts, a glossary
 * phrase with its Japanese equivalents); coverage of concepts decides whether the
 * knowledge base can answer at all.
 */
import { japaneseBigrams, type Analyzer } from '../analysis/analyzer.js';
import { normalizeChars } from '../analysis/char-filter.js';
import { ENGLISH_DETERMINERS, ENGLISH_PHRASE_END, englishDurations, isEnglishDeterminer, isEverydayEnglish } from '../analysis/english.js';
import { correctTypos } from '../analysis/typos.js';
import { NEGATION_TERM, durationMinutes, durationTerm, nearDurations } from '../analysis/filters.js';
import type { Token } from '../analysis/token.js';
import { englishContext, japaneseContext, type Range } from './context-words.js';
import { exactKeys } from './exact-lookup.js';
import { adviceWords, asksAdvice, frameSpans } from './question-frames.js';
import { unique, type GlossaryExpander } from './glossary-expansion.js';
import { Variants } from './variants.js';
import { proseLang } from '../language.js';

export interface Concept {
  /** What the asker wrote for it. */
  label: string;
  /** Index terms that stand for it, most specific first (including the partial ones). */
  terms: string[];
  /** Terms that stand for only part of it (the parts of a compound): matching one covers half the concept. */
  partial: Set<string>;
  /** True when the concept came through the glossary from English. */
  translated?: boolean;
  /** An everyday word (see Token.general): missing from the corpus, it counts less against answering. */
  general?: boolean;
  /**
   * An everyday word the glossary lists (無効, 設定): a word of the corpus' subject, which counts in
   * full in the decision to answer (see Candidate.subjectCoverage).
   */
  glossed?: boolean;
  /** Followed by の and another concept (「退職者の更新トークン」): it says which, the next one what. */
  qualifies?: boolean;
  /**
   * Part of the asker's description of their situation (see context-words): missing from the
   * corpus, it counts as little against answering as an everyday word.
   */
  context?: boolean;
  /** Where the asker wrote it (Japanese questions: character range of its tokens). */
  span?: [number, number];
}

export interface AnalyzedQuery {
  /** Script of the question: Japanese text is analyzed directly, English through the glossary. */
  script: 'ja' | 'en';
  concepts: Concept[];
  /** Term → query weight (boost). */
  weights: Map<string, number>;
  /** Character bigrams for the secondary field. */
  bigrams: string[];
  /** Error codes and setting/cmdlet names for exact lookup. */
  exact: string[];
  /** English phrases the glossary recognised (for the English lead line). */
  glossaryPhrases: string[];
  /** The question asks for a price ("how much is", いくら, 料金): only a text stating one answers it. */
  asksPrice: boolean;
  /** The question asks whether something can still be done (まだ延ばせる？, "can we still set…"): see ASKS_STILL. */
  asksStill: boolean;
  /**
   * The question asks for a length of time (how long, 何日, どのくらい), not for when: only a text stating
   * a duration answers it, where a date answers "since when" (see shouldAnswer).
   */
  asksDuration: boolean;
  /** What kind of answer the question asks for (see questionForm). */
  form: QuestionForm;
  /** Positions in `concepts` of the things a how-question asks to act on or with (see subjectsOf). */
  subjects: number[];
  /**
   * Positions in `concepts` of the state such a thing is to be put in ("set passwords to never
   * expire", 「無期限にする設定」): an answer must match each through a term for the whole of it.
   */
  subjectStates: number[];
  /**
   * Positions in `concepts` of the words that narrow such a thing (外部 of 外部共有, "coworker" of
   * "a coworker co-owner access"): when the corpus never has one, the thing asked about is one it
   * does not know (see shouldAnswer).
   */
  subjectModifiers: number[];
  /**
   * Such a thing's whole name when it ends in a word no concept stands for (通知音: the analyzer
   * keeps 通知, not the one-kanji 音): the answer must contain it.
   */
  subjectPhrases: string[];
}

/**
 * The ways people ask how to do something in English: "how do I", "how would one", "where can we",
 * "is there a way to", "steps to", "I want to", "help me".
 */
const EN_ASKS_HOW = String.raw`how (?:do|can|should|would|could) (?:i|we|you|one|someone)(?: go about)?|how to|where (?:do|can|should|could) (?:i|we|you|one)|(?:is there|any|what'?s the|the best) way to|steps? (?:to|for)|(?:i|we) (?:want|need|would like|'d like|am trying|are trying) to|(?:help|show) (?:me|us)(?: how)?(?: to)?|tell (?:me|us) how to`;
/** A word that ends a noun phrase (see ENGLISH_PHRASE_END), as a regular expression. */
const EN_PHRASE_END = String.raw`(?:${ENGLISH_PHRASE_END.join('|')})\b`;
/** Up to three words of a noun phrase after its determiner (none of them a word that ends it). */
const EN_PHRASE = String.raw`((?:(?:${ENGLISH_DETERMINERS.join('|')})\s+)?(?:(?!${EN_PHRASE_END})[\w'-]+\s*){1,3})`;
/**
 * After such a phrase: the verb (and its particle), then the noun phrase it acts on, up to a
 * preposition; then what the thing is to become ("set passwords to never expire") or do ("a flow
 * that posts a message"), which belongs to what is asked as much as the thing itself.
 */
const EN_ACTED_ON = new RegExp(
  String.raw`\b(?:${EN_ASKS_HOW})\s+([\w-]+)(?:\s+(?:on|off|up|out|back))?\s+(?:(?:me|us|them|him|her)\s+(?=(?:a|an|the|my|our|your|their|this|that|some)\b))?${EN_PHRASE}(?:(to|into|that|which)\s+${EN_PHRASE})?`,
  'i',
);
/** "Can I set X to Y?": whether a thing can be put in a state asks about that state as a how-question does. */
const EN_CAN_SET = new RegExp(String.raw`\b(?:can|could) (?:i|we|you|one) ((?:set|change|switch|turn|configure)(?:\s+(?:on|off|up))?)\s+${EN_PHRASE}(to|into)\s+${EN_PHRASE}`, 'i');
/** "with a coworker", "as co-owner": the partner or role an action takes, right after its thing. */
const EN_PARTNER = new RegExp(String.raw`^\s*(?:with|as)\s+${EN_PHRASE}`, 'i');
/**
 * "Where in the X admin console do I…", "how do I … in X": the place the action is done in, which
 * belongs to what is asked as the thing's narrowing words do.
 */
const EN_PLACE_BEFORE = /\bwhere (?:in|on|inside|within)\s+((?:[\w'-]+\s+){1,6}?)(?:do|can|should|would|could|will) (?:i|we|you|one)\b/i;
const EN_PLACE_AFTER = new RegExp(String.raw`^\s*(?:in|on|inside|within)\s+${EN_PHRASE}`, 'i');
/** Verbs whose "to …" says the state the thing is put in (set X to Y), not a place or a recipient. */
const EN_SETS_STATE = /^(?:set|make|change|switch|turn|configure|get)$/i;
/**
 * The ways people ask how (or where) to do something in Japanese: 方法, 手順, やり方, には, したい, どうやって, どこで
 * (not みたい, which says what something looks like).
 */
const JA_ASKS_HOW = '(?:作り方|やり方|方法|手順|仕方|には|(?<!み)たい(?=$|[\\s、。?？!！]|です|ん|の|けど|が|な)|どうやって|どうすれば|どうしたら|どこで|どこから)';
/** 「XをYする方法」「Xの作り方」「Xを変えたい」「Xってどうやって直すの」: X, the noun phrase before を / の / って / は. */
const JA_ACTED_ON = new RegExp(`([^\\s、。,.!?？！をのにがはでと「」『』]+)\\s*(?:を|の|って|は)\\s*[^\\s、。をの]{0,8}?${JA_ASKS_HOW}`);
/**
 * 「XにYを登録する手順」: X, where the action takes place; only with a noun for the way (手順, 方法),
 * as 「早めに気づきたい」 has an adverb before に.
 */
const JA_ACTED_IN = /([^\s、。,.!?？！をのにがはでと「」『』]+)\s*に(?!は)\s*[^\s、。に]{0,12}?(?:作り方|やり方|方法|手順|仕方)/;

/** The end of a clause asking what to do (「押せばいい」, 「どうしたらよい」): a verb, where a noun names a thing. */
const ASKS_WHAT_TO_DO = /(?:ば|たら|て[もは]?)(?:いい|よい|良い)$/;

/**
 * 「XをYにする設定」「XをYにしたい」「XをYにする方法」: Y, the state the thing is to be put in, when the
 * question asks how, where or whether it can be done; not when it tells what happened after the
 * thing was in that state (「パスワードを300文字にしてたらサインインできなくなった」).
 */
const JA_SETS_STATE = new RegExp(`([^\\s、。,.!?？！をにがはでと「」『』]+)を\\s*「?([^\\s、。,.!?？！をのにがはでと「」『』]+)」?\\s*に\\s*(?:したい|(?:する|して|変える|変更|設定)(?:(?!たら|ら|ても|けど|ので|から)[^\\s。、]){0,8}?(?:設定|方法|手順|やり方|仕方|には|たい|どこ|どう|でき))`);

/**
 * The first match of a how-phrase the asker wrote: one ending inside 「…」 or 『…』 is in what they
 * quote (an error message: 「…トークンを更新するのには…」), not in what they ask.
 */
function askedOutsideQuotes(r: RegExp, question: string): RegExpExecArray | undefined {
  const quotes = [...question.matchAll(/「[^」]*」|『[^』]*』/g)].map((q) => [q.index, q.index + q[0].length] as const);
  for (const m of question.matchAll(new RegExp(r.source, `${r.flags}g`))) {
    const end = m.index + m[0].length;
    if (!quotes.some(([from, to]) => from < end && end < to)) return m as RegExpExecArray;
  }
  return undefined;
}

/** After a quote, the words saying a noun is of its kind: 「…」みたいな要件, 「…」といった設定, 「…」のような運用. */
const LIKE_THE_QUOTE = /^(?:みたいな|みたいの|のような|ような|といった|っていう|という|的な)/;

/**
 * Whether the noun phrase `phrase` at `at` names what the quote before it says (「7日ごとに再ログインさせる」
 * みたいな要件): its head (要件, 設定, こと) stands for the quoted words, which are the question's concepts
 * already, and is no thing of its own that an answer must be about.
 */
function namesAQuote(question: string, at: number, phrase: string): boolean {
  return /[」』]\s*$/.test(question.slice(0, at)) && LIKE_THE_QUOTE.test(phrase);
}

/** A number or a duration: a value the answer need not repeat. */
function isValue(c: Concept): boolean {
  return /^[\d.,]+$/.test(c.label) || c.terms.every((t) => durationMinutes(t) !== undefined || /^[\d.,]+$/.test(t));
}

/**
 * The things a how-question asks to act on (and in Japanese where), as positions in `concepts`:
 * the head (last word) of each noun phrase the action takes.
 */
function subjectsOf(question: string, script: 'ja' | 'en', concepts: readonly Concept[]): { subjects: number[]; states: number[]; modifiers: number[]; phrases: string[] } {
  if (script === 'ja') {
    const subjects = new Set<number>();
    const states = new Set<number>();
    const modifiers = new Set<number>();
    const phrases: string[] = [];
    // The concepts inside a stretch of the question, in order; a number (12 of 「12時間にしたい」) is a value, not a thing.
    const inside = (from: number, to: number) =>
      concepts.flatMap((c, i) => (c.span && c.span[0] >= from && c.span[1] <= to && !isValue(c) ? [i] : [])).sort((a, b) => concepts[a].span![0] - concepts[b].span![0]);
    for (const r of [JA_ACTED_ON, JA_ACTED_IN]) {
      const m = askedOutsideQuotes(r, question);
      // 「何を押せばいいのか手順」: a clause asking what to do (…ばいい, …たらいい) before の is no thing acted on.
      if (!m || ASKS_WHAT_TO_DO.test(m[1]) || namesAQuote(question, m.index, m[1])) continue;
      const from = m.index;
      const to = m.index + m[1].length;
      const found = inside(from, to);
      const k = found.at(-1);
      if (k === undefined) continue;
      // 「合ってるはずなんです…どうやって確かめたら」: an everyday verb or adjective, inflected, is what
      // the asker says of something (the password is right), not a thing to act on.
      if (concepts[k].general && /[\u3041-\u3093]$/.test(m[1])) continue;
      // The head (last word) of the thing, and the words before it that narrow it (外部 of 外部共有).
      subjects.add(k);
      for (const j of found.slice(0, -1)) if (!concepts[j].general) modifiers.add(j);
      // The phrase ends in a word no concept stands for (音 of 通知音, a one-kanji noun): that word is its head.
      const [start, end] = concepts[k].span!;
      if (end < to && /^[\u3400-\u4dbf\u4e00-\u9fff\u30a1-\u30fa\u30fc]+$/.test(question.slice(end, to))) phrases.push(question.slice(start, to));
    }
    // 「XをYにする設定」: the state asked for is part of what is asked, written as the asker wrote it
    // when the analyzer keeps less of it (無期限: the prefix 無 is not a term).
    const m = JA_SETS_STATE.exec(question);
    if (m) {
      // The thing (its head) and the state, each matched as a whole: パスワードの有効期限, not パスワード alone.
      // The words narrowing the thing belong to it (パスワードの有効期限): a text stating a token's lifetime is not about a password's.
      const thing = inside(m.index, m.index + m[1].length);
      thing.forEach((j, i) => (i === thing.length - 1 || !concepts[j].general) && states.add(j));
      const from = m.index + m[1].length + m[0].slice(m[1].length).indexOf(m[2]);
      const found = inside(from, from + m[2].length);
      for (const j of found) states.add(j);
      const covered = found.reduce((n, j) => n + (concepts[j].span![1] - concepts[j].span![0]), 0);
      if (found.length && covered < m[2].length) phrases.push(m[2]);
    }
    for (const j of states) subjects.delete(j);
    return { subjects: [...subjects], states: [...states], modifiers: [...modifiers].filter((j) => !subjects.has(j) && !states.has(j)), phrases };
  }
  const m = EN_ACTED_ON.exec(question) ?? EN_CAN_SET.exec(question);
  const placeBefore = EN_PLACE_BEFORE.exec(question);
  if (!m && !placeBefore) return { subjects: [], states: [], modifiers: [], phrases: [] };
  // "new" says which one as a determiner does ("create a new connection"): the thing is the connection.
  const wordsOf = (phrase: string | undefined) => (phrase ?? '').trim().split(/[\s-]+/).filter((w) => w && !isEnglishDeterminer(w) && w.toLowerCase() !== 'new').map((w) => w.toLowerCase());
  const thing = wordsOf(m?.[2]);
  // "to" after a verb of setting gives the state (never expire); after another verb a place or recipient.
  const tail = !m || (/^(?:to|into)$/i.test(m[3] ?? '') && !EN_SETS_STATE.test(m[1].split(/\s+/)[0])) ? [] : wordsOf(m[4]);
  const conceptOf = (word: string) =>
    concepts.findIndex((c) => c.label.toLowerCase().split(/[\s-]+/).some((w) => w === word || (Math.min(w.length, word.length) >= 4 && (w.startsWith(word) || word.startsWith(w)))));
  // The head (last word) of the thing acted on, then every word of what it is to become or do
  // that names something: a number or duration there is a value the answer may not repeat.
  const subjects = new Set<number>();
  const states = new Set<number>();
  const modifiers = new Set<number>();
  const head = thing.at(-1);
  if (head) subjects.add(conceptOf(head));
  for (const w of tail) {
    const k = conceptOf(w);
    if (k >= 0 && !isValue(concepts[k]) && !subjects.has(k)) states.add(k);
  }
  // Whom or what as the action takes besides ("with a coworker", "as co-owner") and where it is done
  // ("in the Google admin console"): a word there that no text has is as telling as one narrowing the thing.
  const rest = m ? question.slice(m.index + m[0].length) : '';
  const partner = EN_PARTNER.exec(rest) ?? EN_PLACE_AFTER.exec(rest);
  for (const w of [...thing.slice(0, -1), ...wordsOf(partner?.[1]), ...wordsOf(placeBefore?.[1])]) {
    const k = conceptOf(w);
    if (k >= 0 && !concepts[k].general && !isValue(concepts[k]) && !subjects.has(k) && !states.has(k)) modifiers.add(k);
  }
  subjects.delete(-1);
  return { subjects: [...subjects], states: [...states], modifiers: [...modifiers], phrases: [] };
}

/**
 * The form of a question: yes/no, or one asking for a reason, a duration or time, a way or next
 * step, a consequence, advice or what a thing is, or about a delay (why something took effect
 * later than what caused it, or has not yet); 'open' for a request or statement without a
 * question mark, 'other' for a question of none of these forms. Only a yes/no question (or one of
 * no known form) is answered with "Yes." / 「はい。」 first.
 */
export type QuestionForm = 'yes-no' | 'why' | 'how-long' | 'what-next' | 'how' | 'what-happens' | 'advice' | 'define' | 'delay' | 'open' | 'other';

/**
 * Things still working after what should have stopped them, as people tell it: 「無効化したのに、
 * しばらく普通に動いてた」, 「その後も問題なく動作」, 「止めたのに、そのあともふつうにメール送ってた」, "but it still sent", "after disabling it the flow still
 * works", "kept running for an hour", "but one of their flows just ran successfully"; or ask whether
 * they go on until they expire (「期限まで使えるの？」, "does it stay valid until it expires?").
 */
const STILL_WORKING = [
  '(?:まだ|しばらく(?:は|の間)?|その後も|そのあとも|直後は|直後も|まで(?:は)?)[^。?？]{0,16}?(?:動い(?:て|た)|動き続け|動作し(?:て|た)|使えて(?:た|い))',
  '動き続け(?:て|た|る)',
  // 「止めたって連絡あったのに、そのあと1時間くらいはふつうにメール送ってた」: working as usual after it.
  'のに[、,]?[^。?？]{0,50}?(?:ふつうに|普通に|問題なく|何事もなく|いつも通り|いつもどおり)[^。?？]{0,16}?(?:動い|送っ|送られ|届い|流れ|使え|(?:送信|実行)(?:し|され))(?:て|た)',
  // 「無効にしたんですが、そのあと1時間くらいはその人のフローからメールが送られてた」: for a while after it.
  '(?:その後|そのあと)[^。?？]{0,12}?は[^。?？]{0,24}?(?:動い|送っ|送られ|届い|流れ|使え|(?:送信|実行)(?:し|され))(?:て|た)',
  String.raw`\b(?:keeps?|kept|continues?|continued)\s+(?:to\s+)?(?:work|working|run|running)\s+for\s+(?:a while|some time|an? (?:hour|day)|hours|days)\b`,
  // Asked whether it goes on until it expires: 「アクセストークンは期限まで使えるの？」, "does it keep working until exp?".
  '(?:有効)?期限(?:が切れる|切れ)?まで(?:の間)?は?(?:使え|使用でき|有効|動き|動く|動い)',
  String.raw`\b(?:keeps?|kept|continues?|continued|stays?|stayed|remains?|remained)\s+(?:to\s+)?(?:work|working|valid|usable|active|running|run)\s+until\b`,
  String.raw`\b(?:but|yet|after)\s+[^.?!]{0,40}?\bstill\s+(?:works?|worked|working|running|ran|runs|sent|sends|sending|accepted|usable|(?:got |gets )?honou?red)\b`,
  String.raw`\b(?:but|yet)\s+[^.?!]{0,40}?\b(?:ran|runs|worked|works|sent|went through)\s+(?:successfully|fine|ok|okay|normally|as usual|as normal|without (?:any |an? )?(?:errors?|problems?|issues?))\b`,
];
const TELLS_STILL_WORKING = new RegExp(STILL_WORKING.join('|'), 'i');

/**
 * The other ways people tell of a delay between a change and its effect: the lag named (タイムラグ,
 * 時間差, "delay"); the effect said not to have come at once (すぐには効かない, "didn't break right
 * away") or asked whether it comes at once (すぐ死にます？); the effect coming later (後から無効になる,
 * "hours after the change").
 */
const TELLS_LATE_EFFECT = new RegExp(
  [
    'タイムラグ|時間差',
    '(?:すぐ|即座|即時|直ちに|ただちに)に?は?(?:切れ|効か|止まら|無効になら|反映され|失効し|死な|落ち)(?:ない|なかった|ません|ず)',
    '(?:すぐ|即座に|即時に?|直ちに|ただちに)は?(?:死|切れ|無効に|止ま|効|反映|失効)[^\\s、。?？]{0,6}[?？]',
    // 後から as "later", not 「期限切れのあとから」「変えた後から」 (since then).
    '(?<![のたて]|その)(?:後から|あとから)',
    '(?:時間が経って|しばらく(?:して|経って|たって))から(?![^。]{0,4}また)',
    // 「変えた直後じゃなくて、何時間も経ってから止まる」: the effect hours after the change, not right after it.
    '(?:何|数)(?:時間|日)も?(?:経って|たって|して)から(?![^。]{0,4}また)|直後(?:じゃ|では)な(?:く|い|かった)',
    String.raw`\b(?:delay|delayed|time lag|lag)\b`,
    String.raw`(?:\bnot|n't|\bnever)\s+(?:\w+\s+){0,3}?(?:immediately|right away|instantly|straight away|at once)\b`,
    String.raw`\b(?:hours?|an hour|days?|a day|a while)\s+(?:later|after (?:the|i|we|my|our|it|that|this))\b`,
  ].join('|'),
  'i',
);

/**
 * A delay between a change and its effect, told by things still working after what should have
 * stopped them (STILL_WORKING) or otherwise (TELLS_LATE_EFFECT). Whatever its why, when or
 * whether, such a question asks about the delay, and the text on the delay answers it.
 */
const ASKS_DELAY = new RegExp(`${TELLS_STILL_WORKING.source}|${TELLS_LATE_EFFECT.source}`, 'i');

/** The words the documents explain a delay with (the glossary's terms for one). */
const DELAY_WORDS = ['時間が経ってから', '期間が空く'];
/**
 * The words the documents say what stays usable until it expires with (an access token, which
 * cannot be revoked; the glossary's terms for it): what a question telling of things still working
 * after what should have stopped them asks about.
 */
const CONTINUED_USE_WORDS = ['動き続ける', '有効期限まで有効', '有効期限が切れるまでの間は使用可能'];

/**
 * A question about a delay asks about the delay, whatever words it is told with: a concept of the
 * documents' words for one unless the question already has it (タイムラグ, "delay"), standing for
 * the everyday words that tell it (すぐ, 動いてた, 切れない), which are no concepts of their own: the
 * words for what stays usable until it expires (CONTINUED_USE_WORDS) when it tells only of things
 * still working ("but it just ran successfully"), else those for the gap (DELAY_WORDS). What caused
 * it (the revocation, the policy change) stays what the question names.
 */
function withDelayConcept(text: string, concepts: readonly Concept[], analyzer: Analyzer): Concept[] {
  const documentWords = TELLS_STILL_WORKING.test(text) && !TELLS_LATE_EFFECT.test(text) ? CONTINUED_USE_WORDS : DELAY_WORDS;
  // Each word whole (時間が経ってから, not also 時間, which every text stating a time has).
  const terms = unique(documentWords.map((w) => analyzer.terms(w)[0]).filter((t): t is string => !!t));
  const told = [...text.matchAll(new RegExp(ASKS_DELAY.source, 'gi'))].map((m): Range => [m.index, m.index + m[0].length]);
  // An English concept has no span: its words are found inside what tells the delay.
  const words = (s: string) => ` ${s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim()} `;
  const inside = (c: Concept) =>
    c.span ? told.some(([from, to]) => from <= c.span![0] && c.span![1] <= to) : told.some(([from, to]) => words(text.slice(from, to)).includes(words(c.label)));
  const telling = (c: Concept) => !!c.general && inside(c);
  const rest = concepts.filter((c) => !telling(c));
  if (rest.some((c) => c.terms.some((t) => terms.includes(t)))) return rest;
  return [...rest, { label: told.length ? text.slice(...told[0]) : documentWords[0], terms, partial: new Set<string>() }];
}

/**
 * Something the IT department did to the asker's account, as people tell it: 「情シスさんにパスワードを
 * 初期化してもらった」, 「システム部にアカウントを止められた」, 「情シスがリセットしてくれた」. Who did it is
 * what the documents tell apart (a password reset by an administrator invalidates a connection, the
 * user's own change does not), so the question has the documents' word for them.
 */
const DONE_BY_IT = /(?:情シス|情報システム部門?|システム部門?|IT部門|ヘルプデスク|管理者)(?:さん|の(?:人|方))?(?:に(?!て)|が|から)[^。？?！!]{0,24}?(?:ても?ら[っうわい]|てくれ|てくださ|(?:さ|ら)れ(?:た|て|ま))/;

/** The documents' word for an administrator, as a concept, when the question tells of something IT did (see DONE_BY_IT). */
function withAdminConcept(text: string, concepts: readonly Concept[], analyzer: Analyzer, expander: GlossaryExpander): Concept[] {
  if (!DONE_BY_IT.test(text)) return [...concepts];
  const [admin] = analyzer.terms('管理者');
  if (!admin || concepts.some((c) => c.terms.includes(admin))) return [...concepts];
  return [...concepts, { label: '管理者', terms: unique([admin, ...expander.jaSynonyms(admin)]), partial: new Set<string>() }];
}

/**
 * "There used to be a way to set how long logins last", "how do I change how often users sign in":
 * the duration is the setting the asker wants to put in place, so the question asks how.
 */
const ASKS_HOW_TO_SET_DURATION = /\b(?:way|ways|how|where) to (?:set|change|configure|control|adjust|limit|shorten|extend|decide|choose|pick) how (?:long|often)\b/i;

const FORMS: [QuestionForm, RegExp][] = [
  ['delay', ASKS_DELAY],
  ['how', ASKS_HOW_TO_SET_DURATION],
  // A sentence opening with an auxiliary asks whether, whatever clause it holds ("Do we need a licence
  // to change how long tokens last?", "I reset my password. Could that be why it fails?", "would
  // this explain why…"), unless it asks for the clause ("do you know how long", "is there a way to").
  ['yes-no', /(?:^|[.!?;]\s+|,\s*(?:(?:so|and|but)\s+)?)(?:can|could|does|do|did|is|are|was|were|will|would|should|has|have|must|might)\b(?!\s+there (?:a|any) way\b)(?!\s+(?:i|we)\s+(?:see|check|find out|figure out|look up)\s+(?:how|why|when|what|which|where)\b)(?![^.!?]*\b(?:(?:you|anyone|anybody|someone|somebody)\s+(?:\w+\s+)?(?:know|explain|tell(?: me| us)?|say)|wonder(?:ing)?|idea|sure)\s+(?:how|why|when|what|which|where|if)\b)(?=[^.!?]*\b(?:how|why|when|what|which|where|reason|cause)\b)/i],
  // 「…が原因ですか」「…のせいでしょうか」 ask whether something is the cause.
  ['yes-no', /(?:が|は)原因(?:です|でしょう)?か|のせい(?:です|でしょう)?か/],
  // なんで (why), not the なん of 「…なんですか」「何でしょう」 (it is, what is);
  // どうして (why), not the どうして of 「どうしておけばいい」「どうしていいか」 (how).
  ['why', /なぜ|(?:なんで|何で)(?!す|しょ)|どうして(?!おけ|おく|いい|いけ|も)|理由|原因|仕組み(?!(?:を|って|は|が)?(?:作|つく))|\bwhy\b|\bhow come\b|\bhow (?:is|was|can) (?:that|this|it) (?:even )?possible\b|\bwhat causes?\b|\breason\b/i],
  ['how-long', /どのくらい|どれくらい|どれぐらい|どのぐらい|どん(?:くらい|ぐらい)|(?:何|なん)(?:分|時間|日|ヶ月|か月|ぷん|じかん|にち|かげつ)(?!も)|いつまで|いつ(?:から|頃|ごろ)?(?:止|切|無効|失効|変|反映)|\bhow long\b|\bhow soon\b|\bwhen (?:will|does|do|did|is)\b|\bhow many (?:days|hours|minutes)\b/i],
  // What to do when the obvious fix did not help: the passage's "if that does not work" part.
  ['what-next', /次は|次に(?:何|どう)|ほかに|他に(?:何|方法)|それでも|(?:てみた|した|やった)(?:けど|のに|が).{0,12}(?:まだ|直らな|変わらな|ダメ|だめ)|\bstill (?:fails?|failing|broken|not working|get(?:ting)?|the same)\b|\b(?:did ?n[o']t|does ?n[o']t|didn't|doesn't) (?:help|work|fix)\b|\bwhat else\b|\banything else\b|\bnext step/i],
  // "What happens if …" asks for the consequence: no yes or no to give.
  ['what-happens', /どうなる|どうなり(?:ます|ますか)|どうなっ|何が(?:起き|起こ|おき|おこ)(?:る|ます|ない)|\bwhat (?:happens|will happen|would happen|happened)\b/i],
  ['how', /どうすれば|どうしたら|どうやって|どう(?:直|対処|設定|確認)|方法|手順|やり方|[いきしちにひみりぎじびえけせてねべめれ]方(?:は|を|が|って|[?？]|$)|次は何|次に何|\bhow (?:do|can|should|to)\b|\bwhat (?:should|do) (?:i|we) do\b|\bwhat next\b|\bnext step/i],
  ['yes-no', /(?:ます|です|でしょう|ません)か|(?:できる|なる|切れる|ある|いい|大丈夫|ダメ|だめ|必要)(?:の)?[?？]|[るいたかのう][?？]|^\s*(?:can|could|does|do|did|is|are|was|were|will|would|should|has|have|must)\b|(?:[.!?;,]\s*|\b(?:so|and|but|or)\s+)(?:can|could|does|do|did|is|are|was|were|will|would|should|has|have|must)\s+(?:i|we|you|it|its|they|their|this|that|these|those|there|the|a|an|my|our|your|he|she|his|her|someone|something|anything|anyone|users?|admins?)\b/i],
];

/** A question offering alternatives. */
const ALTERNATIVES = /,?\s+or (?:is|are|does|do|did|can|will|would|should|just|only|something else|what)\b|それとも|(?:のか|ですか|ますか)[、,]\s*[^?？。]{1,30}(?:のか|ですか|ますか)[?？]/i;

export function questionForm(question: string): QuestionForm {
  const t = question.normalize('NFKC');
  const k = FORMS.findIndex(([, r]) => r.test(t));
  const form = k < 0 ? 'other' : FORMS[k][0];
  // Asking for advice or a precaution ("how do we avoid this", 「気をつけることはありますか」) wants
  // the recommendation, whether phrased as how, yes/no or neither; a reason or a duration asked
  // for stays what is asked.
  if ((form === 'how' || form === 'yes-no' || form === 'other') && asksAdvice(t, form === 'yes-no')) return 'advice';
  // "What is MFA?", "define refresh token", 「MFAとは何ですか」: what the thing is, whatever else the
  // sentence looks like (「…ですか」 reads as yes/no).
  if ((form === 'yes-no' || form === 'other' || (form === 'how' && ASKS_HOW_TO_EXPLAIN.test(t))) && ASKS_DEFINITION.some((r) => r.test(t))) return 'define';
  // "Is it A, or is it enough that B?", 「AですかそれともBですか」: a choice, not yes or no.
  if ((form === 'yes-no' || form === 'other') && ALTERNATIVES.test(t)) return 'open';
  // 「MFA とは何ですか」「どれを選べばいいですか」: a question for a thing ends like one asking whether.
  if (k === FORMS.length - 1 && ASKS_WHAT_JA.test(t)) return 'open';
  // No form and no question mark: a request (「…を教えて」, "list the cases") or a statement of the
  // problem, which a bare yes or no does not answer.
  if (form === 'other' && !/[?？]/.test(t)) return 'open';
  // "Who do I ask?", 「何が変わったの？」, "Is there a routine check I should do?": they ask for a
  // person, a thing or whether one exists, and the answer gives it; a "No." leading an answer
  // written for another question would deny what was not asked.
  if ((form === 'other' && (ASKS_WHAT_EN.test(t) || ASKS_WHAT_JA.test(t))) || ((form === 'other' || form === 'yes-no') && ASKS_WHETHER_THERE_IS.test(t))) return 'open';
  return form;
}

/** Words that say which or how much of a thing, not the thing itself: "what is MFA" asks what MFA is, "what is the default" does not. */
const NOT_A_NAME = String.raw`(?:the|of|for|in|on|to|with|between|by|after|before|when|if|from|and|or|vs|versus|difference|limit|maximum|minimum|default|value|price|cost|point|best|right|way|reason|problem|issue|fix|status|wrong|happening|going|up|new|next|changed|different)`;
/**
 * Asking what a thing is or what a word means: "what is (a) X?" with X a name of up to four words,
 * "what does X mean / stand for", "define X", "meaning of X", 「Xとは（何）」「Xって何」「Xの意味」; not 「Xって何文字」
 * 「何日」, which ask for a number.
 */
const ASKS_DEFINITION: readonly RegExp[] = [
  new RegExp(String.raw`(?:^|[.!?]\s+)(?:(?:so|and|ok|okay|hey|but|then|um|uh)\s+){0,3}(?:what|what's|whats|what’s)\s+(?:is|are|'s|’s)?\s*(?:an?\s+)?(?!${NOT_A_NAME}\b)(?:(?!${NOT_A_NAME}\b)[\w'’-]+\s*){1,4}(?:exactly|anyway|again)?\s*[?!.]*\s*$`, 'i'),
  /\bwhat (?:does|do|did) (?:.{1,60}?) (?:mean|stand for)\b/i,
  // Asked indirectly: "my manager asked what 'Unauthorized' actually means", "explain what X is to my team".
  /\bwhat\b[^.?!]{1,60}?\b(?:means|stands for)\b/i,
  new RegExp(String.raw`\bwhat\s+(?:an?\s+)?(?!${NOT_A_NAME}\b)(?:(?!${NOT_A_NAME}\b)[\w'’-]+\s+){1,4}(?:is|are)\b(?=\s*(?:$|[?.!,]|to\b|for\b))`, 'i'),
  /\b(?:define|definition of|meaning of|what is meant by)\b/i,
  /(?:とは|って|(?:これ|それ|あれ)(?:は|って)?)\s*(?:(?:何|なに|なん)(?![文日分時週ヶか月年回件個人度秒]|時間)|どういう(?:もの|こと|意味))|とは[?？]?\s*$|(?:の|って)意味(?:は|って|を|が)/,
];

/** "How do I explain it (to my manager)?": how to put what a thing is, which is what it asks. */
const ASKS_HOW_TO_EXPLAIN = /\bhow (?:do|would|can|should|could) (?:i|we|you|one) (?:explain|describe)\b/i;

/** English words asking for a thing, a person or a place (not "how", "why", "when": forms of their own). */
const ASKS_WHAT_EN = /\b(?:what|what's|whats|which|who|whom|whose|where|where's)\b/i;
/** The same in Japanese (何ですか), not as indefinites (何か, どこか, 誰も, 何でも) nor in 何日 / 何分 (a duration, see how-long). */
const ASKS_WHAT_JA = /(?:何|なに|どれ|どっち|どちら|誰|だれ)(?![かもとやら日分時間週ヶか月年回]|で(?!す|しょ))|(?:どの)(?!くらい|ぐらい|よう)/;
/** "Is there a…", "any habits I should…": whether something exists, answered by giving it. */
const ASKS_WHETHER_THERE_IS = /\b(?:is|are) there (?:a|an|any)\b(?! way\b)|^\s*any\b/i;

/** Weight of a frame word (see question-frames): it leans the ranking towards texts using it, and is not a concept. */
export const FRAME_WEIGHT = 0.3;
/** Weight of the words the documents give the advice asked for with (see adviceWords): a lean, not a concept. */
export const ADVICE_WORD_WEIGHT = 0.6;

/** Whether a concept is one of the question's frame words (the spans from frameSpans). */
function isFrame(c: Concept, question: string, frames: readonly [number, number][]): boolean {
  if (c.span) return frames.some(([from, to]) => from <= c.span![0] && c.span![1] <= to);
  // An English concept has no span: its words are one or more whole words of a frame, as written there
  // ("re auth" is the re-auth of "the re-auth did the trick"; org is not the org-wide of a frame).
  const letters = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '');
  const label = letters(c.label);
  if (!label) return false;
  return frames.some(([from, to]) => {
    const words = question.slice(from, to).split(/\s+/).map(letters).filter(Boolean);
    return words.some((_, i) => {
      let joined = '';
      for (let j = i; j < words.length && joined.length < label.length; j++) joined += words[j];
      return joined === label;
    });
  });
}

/** Words asking for a price, in both languages (what a licence costs, 月額, per user per month). */
const ASKS_PRICE = /\bhow much (?:is|are|does|do|will|would|for)\b|\bprices?\b|\bpricing\b|\bcost(?:s|ing)?\b|\bfees?\b|\bper (?:user|seat)(?: per month)?\b|いくら|料金|価格|値段|費用|月額|年額|単価|金額/i;

/**
 * Asking whether something can still be done or used: 「まだ延ばせるんでしたっけ」, 「今でも変更できる？」,
 * "can we still set…", "is that still supported". Where the knowledge says a setting was retired,
 * that is the answer; the text that describes the setting as it was is not.
 */
const ASKS_STILL = new RegExp(
  [
    '(?:まだ|今も|今でも|いまだに|現在も|引き続き)[^。？?!！]{0,24}?(?:でき(?:る|ます)|[えけせてねべめれ](?:る|ます)(?:ん|の)?(?:です|でしょ|でした|か|[?？])|(?:使え|延ばせ|伸ばせ|変えられ|設定でき|変更でき|構成でき|効)(?:る|ます)?(?!ない|ません|なかった))',
    String.raw`\b(?:can|could|do|does|is|are)\s+(?:(?:i|we|you|they|it|one|admins?|that|this|the \w+)\s+)?still\b`,
    String.raw`\bstill\s+(?:possible|supported|configurable|allowed|available|an option|honou?red)\b`,
  ].join('|'),
  'i',
);
/** Words asking for a length of time in both languages; いつ and "when" ask for a point in time. */
const ASKS_LENGTH = /どのくらい|どれくらい|どれぐらい|どのぐらい|(?:何|なん)(?:分|時間|日|週間|ヶ月|か月|ぷん|じかん|にち|かげつ)(?!も)|\bhow long\b|\bhow many (?:days|hours|minutes|weeks|months)\b/i;

/** Boost of the negation term when the question is negated: a lean, not a concept. */
export const NEGATION_WEIGHT = 0.6;
const NEGATED = /\b(?:not|no|never|cannot|without)\b|n't\b/i;

/** Weight (and coverage credit) of a term that stands for only part of a concept. */
export const PARTIAL_WEIGHT = 0.5;

const JAPANESE = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]/;
const JAPANESE_RUN = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]+/g;

/** Japanese question (its analyzed tokens): one concept per group of overlapping tokens (a compound and its parts). */
/** What follows a negation that makes it context: "…ないのに", "…ないけど", "…ていないが、". */
const CONCESSIVE = /^(?:の|ん)に|^(?:けど|けれど|のだが|んだけど|が[、,])/;

function japaneseConcepts(question: string, analyzed: readonly Token[], raw: readonly Token[], expander: GlossaryExpander, variants: Variants): Concept[] {
  // Negation only leans the ranking (see NEGATION_WEIGHT); it is not something the question is about.
  // An event said not to have happened (「何も変えてないのに」, 「変更していないけど」) is context, not the subject.
  const notHappened = new Set<Token>();
  analyzed.forEach((t, i) => {
    if (t.term === NEGATION_TERM && i > 0 && CONCESSIVE.test(question.slice(t.end))) notHappened.add(analyzed[i - 1]);
  });
  let tokens = analyzed.filter((t) => t.term !== NEGATION_TERM && !notHappened.has(t));
  // Kana spellings of the corpus' words (さくじょ → 削除): the word replaces the pieces kuromoji made of it.
  const spelled = variants.readingMatches(question, tokens, raw);
  if (spelled.length) {
    const inside = (t: Token) => spelled.some((m) => m.start <= t.start && t.end <= m.end);
    tokens = [
      ...tokens.filter((t) => !inside(t) || variants.has(t.term)),
      ...spelled.map((m): Token => ({ surface: question.slice(m.start, m.end), term: m.term, pos: '名詞', posDetail: '一般', start: m.start, end: m.end, merged: true, general: m.everyday })),
    ].sort((a, b) => a.start - b.start || b.end - a.end);
  }
  const groups: { start: number; end: number; heads: string[]; parts: string[]; general: boolean }[] = [];
  for (const t of tokens) {
    const g = groups.find((x) => t.start < x.end && x.start < t.end);
    if (g) {
      g.start = Math.min(g.start, t.start);
      g.end = Math.max(g.end, t.end);
      // A token spanning the whole group (a compound, or an alternative form of the same word) is a head;
      // the words inside a compound only partly stand for it.
      if (t.start <= g.start && t.end >= g.end) g.heads.push(t.term), (g.general &&= !!t.general);
      else g.parts.push(t.term);
    } else groups.push({ start: t.start, end: t.end, heads: [t.term], parts: [], general: !!t.general });
  }
  // Glossary synonyms are alternatives after the asker's own words, then Sudachi's (and the
  // glossary's for those) for words that name a subject.
  return groups.map((g) => {
    // An asker's spelling the glossary lists (パワーオートメイト, 情シス) is read as the documents' terms.
    const own = unique(g.heads.flatMap((t) => expander.respelled(t) ?? [t]));
    const sudachi = g.general ? [] : own.flatMap((t) => variants.synonyms(t));
    const heads = unique([
      ...own,
      ...own.flatMap((t) => expander.jaSynonyms(t)),
      ...sudachi,
      ...sudachi.flatMap((t) => expander.jaSynonyms(t)),
      ...loanwordTerms(own, question.slice(g.start, g.end), expander, variants),
    ]);
    // A duration near the one asked for (1 日 for "48 時間", 90 日 for 100 日) partly answers it.
    const near = g.heads.flatMap((t) => {
      const minutes = durationMinutes(t);
      return minutes === undefined ? [] : nearDurations(minutes, variants.durations());
    });
    heads.push(...near.filter((t) => !heads.includes(t)));
    const partial = unique(g.parts).filter((t) => !heads.includes(t));
    // 「退職者の更新トークン」: a Japanese word before の says whose or which, the one after is
    // the subject; a name in Latin letters (RemoteConnect のプロンプト) is the specific thing itself.
    const qualifies = JAPANESE.test(g.heads[0]) && groups.some((x) => x.start > g.end && /^(?:者|側)?の$/.test(question.slice(g.end, x.start).trim()));
    const glossed = g.general && own.some((t) => expander.hasJaTerm(t));
    return { label: g.heads[0], terms: [...heads, ...partial], partial: new Set(partial), general: g.general, span: [g.start, g.end] as [number, number], ...(qualifies ? { qualifies } : {}), ...(glossed ? { glossed } : {}) };
  });
}

/**
 * A word the corpus does not use, in English: an abbreviation in capitals inside the Japanese
 * (「CAのポリシー」, 「PC入れ替え」), or a katakana word read as the English it was borrowed from
 * (リフレッシュトークン → refresh token); looked up in the glossary as an English question's words
 * are (→ 条件付きアクセス, デバイス, 更新トークン). A whole English word there is a name (an app, a
 * product) more often than the glossary's sense of it, and is left as written.
 */
function loanwordTerms(heads: readonly string[], written: string, expander: GlossaryExpander, variants: Variants): string[] {
  const head = heads[0];
  if (heads.some((t) => variants.has(t))) return [];
  const english = /^[A-Z][A-Z0-9]{1,4}$/.test(written) ? head : /^[\u30a1-\u30fa\u30fc]{3,}$/.test(head) ? variants.asEnglish(head) : undefined;
  if (!english) return [];
  const { matches, rest } = expander.expand(english);
  return rest.length ? [] : matches.flatMap((m) => m.terms).filter((t) => JAPANESE.test(t));
}

const ASKS_DURATION = /\bhow (?:long|soon)\b/gi;
/**
 * "How long does an access token last?", "how long does it stay valid?": in a question for a
 * duration, "last" as a verb (ending its clause, not "last week") and "stay valid" (or good, alive)
 * ask for the lifetime of their subject, which the question's form already asks for; they name
 * nothing else (not 維持, keeping something going).
 */
const LASTS = /\b(?:lasts?|(?:stays?|remains?) (?:valid|good|alive))\b(?=\s*(?:$|[?.!,;:)]|(?:before|after|until|till|for|by|if|when|without|once|now|anymore|then|by default|normally|usually|actually)\b))/gi;
/** A verb of lasting right before a duration (blanked out), without its "for": "last a week", "stays valid 3 days". */
const LASTS_BEFORE = /\b(lasts?|lasted|lasting|(?:stays?|stayed|remains?|remained) (?:valid|good|alive))\s*$/i;
/** "What happens", "what would happen": the question's form, asking for the consequence of what follows. */
const ASKS_CONSEQUENCE = /\bwhat (?:happens|happened|will happen|would happen|could happen)\b/gi;
/** "instead of PowerShell", "rather than the portal": an alternative set aside, up to the end of its noun phrase. */
const SET_ASIDE = new RegExp(String.raw`\b(?:instead of|rather than)\s+(?:(?!${EN_PHRASE_END})[\w'-]+\s*){1,3}`, 'gi');

/** Verbs of an event an English asker may say did not happen. */
const EVENT_VERB = String.raw`(?:chang|touch|modif|updat|reset|edit|tweak|configur)(?:e|es|ed|ing|y|ies|ied)?`;
/**
 * An event said not to have happened ("nobody changed anything", "if nothing changes", "we didn't
 * touch anything", "no changes on our side", "without changing anything"): context, as
 * 「何も変えてないのに」 is, not the subject; the verb is dropped, whatever it names stays.
 */
const NOT_HAPPENED = new RegExp(
  String.raw`\b(?:nothing|nobody|no one|no-one|none of us)\s+(?:(?:has|had|have|was|were|is|ever|really|actually|even|got|been)\s+){0,2}(${EVENT_VERB})\b|\b(?:didn'?t|did not|haven'?t|have not|hasn'?t|has not|hadn'?t|had not|never|don'?t|do not|doesn'?t|does not|without)\s+(?:(?:really|actually|even|ever|been)\s+)?(${EVENT_VERB})\s+(?:anything|a thing|nothing|any ?thing at all)\b|\b(?:no|without(?: any)?)\s+(chang(?:e|es))\b`,
  'gi',
);

function englishConcepts(question: string, analyzer: Analyzer, expander: GlossaryExpander, variants: Variants): { concepts: Concept[]; phrases: string[] } {
  // Durations first ("a couple of weeks" → p14d, as 14 日 is indexed), then the glossary over the rest.
  const durations = englishDurations(question);
  let rest_ = question;
  for (const d of durations) rest_ = rest_.slice(0, d.start) + ' '.repeat(d.end - d.start) + rest_.slice(d.end);
  // "How long", "how soon" ask for a duration, "what happens" for a consequence (the question's
  // form): they name nothing it is about.
  if (new RegExp(ASKS_DURATION.source, 'i').test(rest_)) rest_ = rest_.replace(LASTS, (m) => ' '.repeat(m.length));
  rest_ = rest_.replace(ASKS_DURATION, (m) => ' '.repeat(m.length)).replace(ASKS_CONSEQUENCE, (m) => ' '.repeat(m.length));
  // "Make the token last a whole week", "can it stay valid 3 days": the verb before a duration asks
  // for a lifetime of that length, as "last for" does.
  for (const d of [...durations].reverse()) {
    const before = LASTS_BEFORE.exec(rest_.slice(0, d.start));
    if (before) rest_ = `${rest_.slice(0, before.index)}${before[1]} for ${rest_.slice(before.index + before[0].length)}`;
  }
  // What the asker sets aside ("through Graph instead of PowerShell") is not what they ask about.
  rest_ = rest_.replace(SET_ASIDE, (m) => ' '.repeat(m.length));
  rest_ = rest_.replace(NOT_HAPPENED, (m, ...groups: unknown[]) => {
    const verb = groups.slice(0, 3).find((g): g is string => typeof g === 'string') ?? '';
    const at = m.lastIndexOf(verb);
    return m.slice(0, at) + ' '.repeat(verb.length) + m.slice(at + verb.length);
  });
  const { matches, rest } = expander.expand(correctTypos(rest_, expander.englishVocabulary));
  const said = new Set<string>();
  const concepts: Concept[] = durations.flatMap((d) => {
    const term = durationTerm(d.minutes);
    // The same length said twice ("set to 30 days… every month") is one thing asked about.
    if (!term || said.has(term)) return [];
    said.add(term);
    const near = nearDurations(d.minutes, variants.durations());
    return [{ label: d.phrase, terms: [term, ...near], partial: new Set<string>() }];
  });
  concepts.push(...matches.map((m) => ({
    label: m.phrase,
    terms: [...m.terms, ...m.partial],
    partial: new Set(m.partial),
    translated: true,
  })));
  for (const w of rest) {
    const terms = analyzer.terms(w.raw);
    // Sudachi also lists English equivalents of Japanese words (retry → 再試行, login → ログイン).
    const japanese = terms.flatMap((t) => variants.synonyms(t)).filter((t) => JAPANESE.test(t));
    const alternatives = [...japanese, ...japanese.flatMap((t) => expander.jaSynonyms(t))];
    if (terms.length) concepts.push({ label: w.raw, terms: unique([...terms, ...alternatives]), partial: new Set(), general: isEverydayEnglish(w.raw), translated: alternatives.length > 0 || undefined });
  }
  return { concepts, phrases: matches.map((m) => m.phrase) };
}

/** Marks the concepts inside the asker's description of their situation (see context-words). */
function markContext(text: string, raw: readonly Token[], concepts: Concept[]): void {
  const within = (c: Concept, [from, to]: Range) => !!c.span && from <= c.span[0] && c.span[1] <= to;
  const ranges = [...(raw.length ? japaneseContext(text, raw) : []), ...englishContext(text)];
  if (!ranges.length) return;
  const words = new Set(ranges.flatMap(([from, to]) => text.slice(from, to).toLowerCase().split(/\s+/)));
  for (const c of concepts) {
    if (ranges.some((r) => within(c, r)) || (!c.span && words.has(c.label.toLowerCase()))) c.context = true;
  }
}

/** Analyzes a question for search. */
export function analyzeQuery(question: string, analyzer: Analyzer, expander: GlossaryExpander, variants = Variants.empty()): AnalyzedQuery {
  const script = JAPANESE.test(question) ? 'ja' : 'en';
  let concepts: Concept[];
  let phrases: string[] = [];
  // A Japanese question is tokenized once, for its concepts, its context words and negation.
  const { tokens, raw } = script === 'ja' ? analyzer.tokensAndRaw(question) : { tokens: [], raw: [] };
  if (script === 'ja') {
    const normalized = normalizeChars(question);
    concepts = japaneseConcepts(normalized, tokens, raw, expander, variants);
    // An English sentence quoting Japanese labels ("I pressed 接続を修正 and nothing changed"): the labels
    // are read as Japanese, the English words around them as English, through the glossary.
    if (proseLang(question) === 'en') {
      const labels = concepts.filter((c) => c.span && JAPANESE.test(normalized.slice(c.span[0], c.span[1])));
      const prose = normalized.replace(JAPANESE_RUN, (m) => ' '.repeat(m.length));
      const english = englishConcepts(prose, analyzer, expander, variants);
      concepts = [...labels, ...english.concepts];
      phrases = english.phrases;
    }
  } else ({ concepts, phrases } = englishConcepts(question, analyzer, expander, variants));
  markContext(script === 'ja' ? normalizeChars(question) : question, raw, concepts);

  const text = script === 'ja' ? normalizeChars(question) : question;
  const form = questionForm(question);
  if (form === 'delay') concepts = withDelayConcept(text, concepts, analyzer);
  if (script === 'ja') concepts = withAdminConcept(text, concepts, analyzer, expander);
  const frames = frameSpans(text);
  const weights = new Map<string, number>();
  for (const c of concepts) {
    // The most specific term (compound, first glossary form) counts fully; alternatives a little less,
    // and a concept with many alternatives does not outweigh the others.
    const frame = isFrame(c, text, frames);
    c.terms.forEach((t, i) => {
      const w = frame ? FRAME_WEIGHT : c.partial.has(t) ? PARTIAL_WEIGHT : i === 0 ? 1 : 0.8;
      weights.set(t, Math.max(weights.get(t) ?? 0, w));
    });
  }
  // Frame words say what kind of answer is wanted, not what it is about: they are not concepts.
  concepts = concepts.filter((c) => !isFrame(c, text, frames));
  // A question for advice also looks for the words the documents give it with (定期的, 改善策).
  for (const t of adviceWords(text, form === 'yes-no').flatMap((w) => analyzer.terms(w))) weights.set(t, Math.max(weights.get(t) ?? 0, ADVICE_WORD_WEIGHT));
  if (NEGATED.test(question) || tokens.some((t) => t.term === NEGATION_TERM)) {
    weights.set(NEGATION_TERM, NEGATION_WEIGHT);
  }
  const bigramSource = script === 'ja' ? question : concepts.filter((c) => c.translated).flatMap((c) => c.terms).filter((t) => JAPANESE.test(t)).join(' ');
  return {
    script,
    concepts,
    weights,
    bigrams: unique(japaneseBigrams(bigramSource)),
    exact: exactKeys(question),
    glossaryPhrases: phrases,
    asksPrice: ASKS_PRICE.test(question),
    asksStill: ASKS_STILL.test(text),
    asksDuration: form === 'how-long' && ASKS_LENGTH.test(question.normalize('NFKC')),
    form,
    ...(({ subjects, states, modifiers, phrases }) => ({ subjects, subjectStates: states, subjectModifiers: modifiers, subjectPhrases: phrases }))(subjectsOf(text, script, concepts)),
  };
}
