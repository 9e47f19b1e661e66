/**
 * The words of a question that describe the asker's situation rather than what they ask
 * about: who they are (「経理の田中です。」) and which of their things they mean (the flow's
 * business purpose in 「月次の請求書送付フロー」, "my weekly timesheet reminder flow"). A word
 * the corpus never uses says little about scope when it sits there (see Concept.context).
 */
import { isEnglishDeterminer } from '../analysis/english.js';
import type { Token } from '../analysis/token.js';

/** A character range of the question. */
export type Range = [number, number];

/**
 * Nouns for the things an asker names by their own business purpose (「月次の請求書送付フロー」,
 * "my weekly timesheet reminder flow", 「備品申請の通知」, what a flow sends): what the documents
 * say about flows holds for every flow, whatever it is for.
 */
const NAMED_BY_PURPOSE = /^(?:フロー|ワークフロー|通知|メール|アラート|リマインダー|flows?|workflows?|notifications?|alerts?|reminders?)$/i;

/** How askers name their own organisation (「うちのテナント」, 「弊社の環境」): what the documents say holds for every one. */
const OWN_ORGANISATION = /^(?:うち|弊社|当社|自社|我が社|わが社)$/;

/**
 * The people and departments around the asker who told them something or did it (「情シスから連絡きた」,
 * 「前任者が作った」, 「上司に言われた」), whom they are to tell (「フロー作ってる人たち」) or whose account
 * they looked after (「異動者のパスワード」, 「新人のアカウント」), and those their flows serve or who noticed
 * (「お客さんにメール」, 「お客さんから言われた」, 「部署みんなで使ってる」): who it is changes nothing in the answer.
 */
const PEOPLE_AROUND = /お?客(?:さん|様|さま)|顧客|部署|課(?=の?(?:みんな|全員|メンバー))|情シス|情報システム部門?|システム部門?|上司|同僚|先輩|後輩|部下|新人|新入社員|異動者|派遣(?:社員|さん)?|アルバイト|パート(?:さん)?|前任者?|後任者?|(?:部|課|係|室|店|所|社|支店|グループ)長|主任|マネージャー|(?:作って(?:る|いる)|作った|使って(?:る|いる))(?:人|ひと|メンバー)(?:たち|達)?/g;

/**
 * When it happened, by the asker's clock (「夜中だけ」, 「朝いちで」, 「休み明けに」, 「定時後」) or their leave
 * (「育休から戻ったら」, 「休み中は」): the time of day, of the week or of the asker's absence changes
 * nothing in the answer (how long it took is a duration, read apart).
 */
const WHEN_IT_HAPPENED = /(?:育休|産休|育児休業|休職|長期休暇|休暇|休み)(?:中|明け|から)?|朝(?:いち|イチ|一番?)|真?夜中|深夜|夜間|早朝|お?昼(?:休み|過ぎ|前)?|夕方|(?:連休|休み|週|月|年|年度)明け|始業|終業|定時|(?:業務|営業)時間外?|出社|退社|帰宅|(?:月|年度|期)末/g;

/**
 * The task the asker was doing when it happened (「退職者と異動者の対応で、」「棚卸しの作業で、」「年度替わりの
 * 処理で、」): why they did it changes nothing in what it did.
 */
const DOING_TASK = /[^\s、。,.!！?？「」]{1,24}?の(?:対応|作業|処理|手続き|件|関係)で[、,]/g;

/** Nouns that build a noun phrase; a dependent noun (ん, こと) ends one. */
const isNoun = (t: Token): boolean => (t.pos === '名詞' && t.posDetail !== '非自立' && t.posDetail !== '代名詞' || t.pos === '接頭詞') && !/^[\p{P}\p{S}]+$/u.test(t.surface);
const isNo = (t: Token): boolean => t.pos === '助詞' && t.posDetail === '連体化';
/** How many objects and places a relative clause before a noun is read with (see describedFrom). */
const CLAUSE_OBJECTS = 2;
/** Case particles that can end the object of a relative clause (「明細を送るフロー」). */
const CASE = /^(?:を|に|で|と|から|へ)$/;
const ASCII_WORD = /^[A-Za-z][\w.-]*$/;
const isJapaneseNoun = (t: Token | undefined): boolean => !!t && isNoun(t) && !ASCII_WORD.test(t.surface);
const isVerb = (t: Token | undefined): boolean => t?.pos === '動詞' && t.posDetail === '自立';

/**
 * Where the words describing the noun at `k` begin: nouns before it, nouns joined by の, and a
 * relative clause ending right before a noun (「支店の経費明細を送るフロー」: from 支店).
 */
function describedFrom(tokens: readonly Token[], k: number): number {
  let from = k;
  // After a relative clause's verb, a case particle before a noun joins its object or place
  // (「明細を送る」「勤怠を集計する」「Teams に投稿する」), two of them both (「チャネルに日報を投稿する」).
  let clause = false;
  let objects = 0;
  for (let i = k - 1; i >= 0; i--) {
    const t = tokens[i];
    if (isJapaneseNoun(t)) from = i;
    else if (isNo(t) && isJapaneseNoun(tokens[i - 1])) continue;
    else if (t.pos === '助動詞' && /^(?:た|だ)$/.test(t.surface) && isVerb(tokens[i - 1])) continue;
    else if (isVerb(t)) (from = i), (clause = true);
    else if (clause && objects < CLAUSE_OBJECTS && t.pos === '助詞' && CASE.test(t.surface) && isJapaneseNoun(tokens[i - 1])) objects++;
    else break;
  }
  return from;
}

/** 「経理の田中です。」「人事部の山本でございます。」「総務部の者です。」: a sentence that only says who is asking. */
const SELF_INTRODUCTION = /(?:です|でございます|と申します)(?:[。.!！\n、,]|$)/;
/** Sentences, and the greetings and introductions chat runs on with a comma (「お疲れさまです、総務の佐藤です！」). */
const SENTENCE = /[^。.!！?？\n]*?(?:(?:です|でございます|と申します)[、,]|[。.!！?？\n]|$)/g;

/**
 * Ranges of a Japanese question (kuromoji's tokens of its filtered text) that are context: the
 * sentences introducing the asker, the words naming their organisation, the people around them,
 * when it happened, the task they were doing and what one of their things is for.
 */
export function japaneseContext(text: string, tokens: readonly Token[]): Range[] {
  const out: Range[] = [];
  for (const m of text.matchAll(SENTENCE)) {
    const sentence = m[0];
    if (!sentence) break;
    const at = m.index;
    if (SELF_INTRODUCTION.test(sentence)) {
      const end = at + sentence.search(SELF_INTRODUCTION);
      const inside = tokens.filter((t) => t.start >= at && t.end <= end);
      // 者 (one of) is the head of 「総務部の者です」, a noun IPADIC marks as dependent.
      if (inside.length && inside.every((t, k) => isNoun(t) || isNo(t) || (k === inside.length - 1 && k > 0 && /^(?:者|もの)$/.test(t.surface)))) out.push([at, end]);
    }
  }
  out.push(...narrativeSentences(text));
  for (const r of [PEOPLE_AROUND, WHEN_IT_HAPPENED, DOING_TASK]) for (const m of text.matchAll(r)) out.push([m.index, m.index + m[0].length]);
  tokens.forEach((t, k) => {
    if (isNoun(t) && OWN_ORGANISATION.test(t.surface)) out.push([t.start, t.end]);
    if (!isNoun(t) || !NAMED_BY_PURPOSE.test(t.surface)) return;
    const from = describedFrom(tokens, k);
    if (from < k) out.push([tokens[from].start, t.start]);
  });
  return out;
}

/** A message this long that tells before it asks is a story; a short one (「Xが出なくなった。どうすれば？」) states its subject. */
const STORY_LENGTH = 50;
/** Sentences of a message, each with its closing punctuation. */
const STORY_SENTENCE = /[^。!！?？\n]+[。!！?？…]*/g;
/** A sentence telling what happened: its predicate in the past (た, ました, でした, てた), or 〜んです after one. */
const TELLS_PAST = /(?:た|だ|ました|でした)(?:ん(?:です|だ)(?:けど|が)?|の(?:です|で)?|(?:みたい|よう|らしい)(?:です|だ)?|けど|が|ので|から|し|よ|ね|…)*[。!！…]*$/;
/**
 * The sentences of a story told before what is asked (「先週パソコンを替えました。そしたら…止まってました。
 * なんで？」): what happened in the asker's words, whose words the corpus never uses say who and
 * what was around, not what is asked; the sentence that asks (the last, or any with ？) is never one.
 */
function narrativeSentences(text: string): Range[] {
  // What the asker quotes (「サインインしたままにしますか？」, a message on screen) is inside their sentence, not one of its own.
  const unquoted = text.replace(/「[^」]*」|『[^』]*』/g, (q) => '「'.padEnd(q.length - 1, '_') + '」');
  const sentences = [...unquoted.matchAll(STORY_SENTENCE)];
  if (sentences.length < 2 || text.length < STORY_LENGTH) return [];
  return sentences.slice(0, -1).flatMap((m) => (!/[?？]/.test(m[0]) && TELLS_PAST.test(m[0].trim()) ? [[m.index, m.index + m[0].length] as Range] : []));
}

/**
 * The people around the asker in English, who told them something, noticed or are to be told
 * ("my coworker said hers broke", "a client complained", "my boss wants"): who it is changes
 * nothing in the answer. A client only as a person who did something (not a client app).
 */
const PEOPLE_AROUND_EN = /\b(?:co-?workers?|colleagues?|boss(?:es)?|managers?|supervisors?|team ?lead(?:er)?s?|(?:department|team|division) heads?|heads? of (?:the )?(?:department|team|division)|teammates?|customers?|clients?(?=\s+(?:complain|call|said|says|told|tell|notic|ask|email|mail|got|get|didn|did not|were|was|is|are)\w*)|interns?|new hires?)\b/gi;

/**
 * What ends a relative clause telling what an asker's flow does ("my flow that posts to a Teams
 * channel says…"): the main clause's verb, a conjunction, or punctuation.
 */
const CLAUSE_END = /^(?:says?|said|shows?|showed|fails?|failed|failing|stops?|stopped|broke|breaks|is|was|are|were|has|had|have|gets?|got|keeps?|kept|started|starts|returns?|returned|throws?|threw|errors?|errored|won'?t|doesn'?t|didn'?t|can'?t|isn'?t|wasn'?t|now|suddenly|since|after|and|but|because|when)$/i;
/** Words a clause telling what a flow does may run to, at most. */
const CLAUSE_WORDS = 8;

/**
 * Ranges of English words naming what one of the asker's things is for: after a determiner or
 * a possessive, the words right before the thing ("my weekly timesheet reminder flow"), or the
 * clause after it telling what it does ("the flow that posts to a Teams channel"); and the
 * people around the asker (see PEOPLE_AROUND_EN).
 */
export function englishContext(text: string): Range[] {
  const words = [...text.matchAll(/[A-Za-z][\w'-]*/g)].map((m) => ({ word: m[0], start: m.index, end: m.index + m[0].length }));
  const out: Range[] = [...text.matchAll(PEOPLE_AROUND_EN)].map((m): Range => [m.index, m.index + m[0].length]);
  for (let i = 0; i < words.length; i++) {
    if (!isEnglishDeterminer(words[i].word, true)) continue;
    let j = i + 1;
    // Only words separated by spaces make one phrase.
    while (j < words.length && j <= i + 4 && /^\s+$/.test(text.slice(words[j - 1].end, words[j].start)) && !NAMED_BY_PURPOSE.test(words[j].word) && !isEnglishDeterminer(words[j].word, true)) j++;
    if (j > i + 1 && j < words.length && /^\s+$/.test(text.slice(words[j - 1].end, words[j].start)) && NAMED_BY_PURPOSE.test(words[j].word)) out.push([words[i + 1].start, words[j - 1].end]);
    if (j < words.length && NAMED_BY_PURPOSE.test(words[j].word)) {
      const clause = relativeClause(text, words, j);
      if (clause) out.push(clause);
    }
  }
  return out;
}

/** The clause after the thing at `k` telling what it does ("that posts to a Teams channel"), up to the main clause (see CLAUSE_END). */
function relativeClause(text: string, words: readonly { word: string; start: number; end: number }[], k: number): Range | undefined {
  if (!/^(?:that|which)$/i.test(words[k + 1]?.word ?? '')) return undefined;
  let end = k + 2;
  while (end < words.length && end <= k + 1 + CLAUSE_WORDS && !CLAUSE_END.test(words[end].word) && !/[,.;:!?]/.test(text.slice(words[end - 1].end, words[end].start))) end++;
  return end > k + 2 ? [words[k + 2].start, words[end - 1].end] : undefined;
}
