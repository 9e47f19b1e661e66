/**
 * A reply to "did this solve it?" read in the user's own words: whether it says the problem is
 * gone or not, however politely or at length (「恐れ入ります、まだ解決しておりません」, "that did
 * the trick, thank you"), and what the message says besides its answer and its courtesies.
 *
 * A message is read clause by clause. A clause says yes when it names the result the user
 * hoped for (solved, works, 直った, 動作した) and no when it negates it (直っていません) or
 * names the failure still there (まだエラーが出ます, "same error"); a failure said to be gone
 * (エラーが出なくなった, "no longer fails") is a yes. A clause about another flow is a new
 * matter, not this answer. Courtesies (thanks, apologies, 恐れ入りますが) say nothing either way.
 */

export interface SolvedReading {
  /** What the message answers: `undefined` when it says neither yes nor no. */
  answer?: 'yes' | 'no';
  /**
   * The answer is only a "yes" / 「はい」 opening the message, with nothing saying the problem is
   * gone: before a statement ("yes, we changed a policy") it may answer a question never asked.
   */
  bareHead?: boolean;
  /** What the message says besides its answer and its courtesies, '' when nothing. */
  rest: string;
  /** Some of the rest is about another flow or connection ("but another flow fails too"). */
  other?: boolean;
  /** The steps are not tried yet (「まだ試していません」): neither answer, whatever its words. */
  notTried?: boolean;
}

/** Where clauses end: a sentence end, a comma, or a joining word before a new clause. */
const CLAUSE_END = /[。．.!！?？\n、,;；]+|\s+(?=(?:but|and|though|although|however)\b)|(?<=(?:けど|けれど|けれども|のに))(?=[^、,。]{4,})/iu;

/** Courtesies that answer nothing: thanks, apologies, greetings, softeners. */
const COURTESY: RegExp[] = [
  /^(?:どうも)?(?:本当に|誠に|大変)?(?:ありがと[うー]?(?:ございま(?:す|した))?|有難う(?:ございま(?:す|した))?|助かり(?:ます|ました)|助かった|感謝(?:します|です|いたします|申し上げます))$/u,
  /^(?:恐れ入ります|恐れ入りますが|恐縮です|恐縮ですが|大変恐縮ですが|すみません|すいません|申し訳(?:ありません|ございません)(?:が)?|お手数(?:ですが|をおかけしました|をおかけしております)?|お世話になっております|お疲れ様です|お疲れさまです|残念ながら|あいにく|ご丁寧にありがとうございます|えっと|えーと|あの|うーん)$/u,
  /^(?:(?:ok|okay|great|awesome|cool|nice|hi|hello|hey|well|um|hmm|oh|ah)\s*)*(?:(?:many\s+)?thanks|thank you|thx|ty|cheers|much appreciated|appreciate it|sorry|unfortunately|sadly|i'?m afraid|i am afraid)?(?:\s+(?:so much|very much|a lot|again|for (?:the|your) help))?$/iu,
];

/** A yes or a no standing alone at the head of a message. */
const BARE_YES = /^(?:はい|ええ|うん|そうです|yes|yeah|yep|yup|ya|sure|indeed|absolutely|definitely)$/iu;
const BARE_NO = /^(?:いいえ|いえ|いや|ううん|no|nope|nah|not really|negative)$/iu;

/** The result hoped for, in Japanese: a negation after it within the clause turns it into a no. */
const GOOD_JA = /解決|直[っりるら]|治[っりるら]|なお[っりるら]|動(?:作|い|き|く|か)|改善|復旧|回復|うまく|上手く|成功|正常|使え|繋が|つなが|でき|いけ|大丈夫/u;
const NEGATED_JA = /な(?:い|く|かっ)|ません|ず|ぬ|ておら|てな|ていな|じゃな|ではな/u;
/** 「問題ない」「問題なく動いた」: a negation that is itself the good result. */
const NO_PROBLEM_JA = /問題(?:は|も)?(?:な[いく]|ありません|ございません|無[いく])|異常(?:は)?(?:な[いく]|ありません)/u;
/** The failure still there: 「まだエラーが出ます」「同じエラー」「変わらない」「ダメでした」. */
const BAD_JA = /エラー|失敗|止ま|落ち|こけ|コケ|同じ|変わら|変化(?:なし|が?ない|ありません)|だめ|ダメ|駄目|無効の?まま|まだ|相変わらず/u;
/** The failure said to be gone: 「エラーが出なくなった」「失敗しなくなりました」「消えました」. */
const BAD_GONE_JA = /(?:出|失敗し|止まら|落ち|こけ|コケ)なくな|消え(?:た|ました)|もう(?:出|発生し|失敗し)(?:ません|ない|てない|ていない)/u;

const GOOD_EN = /\b(?:solved|fixed|resolved|sorted|works?|worked|working|did the trick|does the trick|that did it|that was it|helped|back to normal|running again|up and running|good now|fine now|all good|successful(?:ly)?|succeeded|perfect)\b/iu;
const NEGATED_EN = /\b(?:not|no|never|nothing|no longer|n'?t|didn'?t|doesn'?t|isn'?t|wasn'?t|hasn'?t|haven'?t|won'?t|can'?t|cannot)\b|n'?t\b/iu;
const BAD_EN = /\b(?:fail(?:s|ed|ing|ure)?|errors?|broken|broke|same (?:error|problem|issue|thing|message)|still|invalid|no luck|no change|no difference|not yet|nope)\b/iu;
const BAD_GONE_EN = /\b(?:no longer|not anymore|stopped (?:failing|erroring)|gone)\b|\banymore\b/iu;

/** Another flow or connection than the one diagnosed: 「別のフロー」「他の接続」, "another flow". */
const OTHER = /(?:別|他|ほか)の(?:フロー|接続|コネクタ|コネクション)|(?:フロー|接続)(?:が|も)?(?:もう)?(?:一つ|ひとつ|1つ)|\b(?:another|other|different|second)\s+(?:\w+\s+)?(?:flows?|connections?|connectors?)\b/iu;

/** Not tried yet (「まだ試していません」, "I'll try it later"): neither a yes nor a no. */
const NOT_TRIED = /試(?:し|せ)て(?:い|お)?(?:な|ま)|まだ試|これから(?:試|やって)|\b(?:haven'?t|have not|not) (?:yet )?tried\b|\b(?:will|going to|gonna|let me|i'?ll) try\b/iu;

/** What one clause says: yes, no, or nothing either way. */
function clauseAnswer(clause: string): 'yes' | 'no' | undefined {
  if (NO_PROBLEM_JA.test(clause)) return 'yes';
  if (BAD_GONE_JA.test(clause) || (BAD_EN.test(clause) && BAD_GONE_EN.test(clause))) return 'yes';
  const good = GOOD_JA.exec(clause);
  if (good) return NEGATED_JA.test(clause.slice(good.index + good[0].length)) ? 'no' : 'yes';
  const goodEn = GOOD_EN.exec(clause);
  if (goodEn) {
    const after = clause.slice(goodEn.index + goodEn[0].length);
    return NEGATED_EN.test(clause.slice(0, goodEn.index)) || /^\s*(?:yet|anymore)\b/iu.test(after) || BAD_EN.test(after) ? 'no' : 'yes';
  }
  if (BAD_JA.test(clause) || BAD_EN.test(clause)) return 'no';
  return undefined;
}

/** Reads a reply to "did this solve it?" (see SolvedReading). */
export function readSolvedReply(text: string): SolvedReading {
  if (NOT_TRIED.test(text.normalize('NFKC'))) return { rest: text.trim(), notTried: true };
  const clauses = text
    .normalize('NFKC')
    .split(CLAUSE_END)
    .map((c) => c?.trim().replace(/^(?:でも|しかし|ただ|but|and|though|however)\b\s*/iu, '').trim())
    .filter((c): c is string => Boolean(c) && /[\p{L}\p{N}\p{Extended_Pictographic}]/u.test(c));
  const rest: string[] = [];
  let yes = false;
  let no = false;
  let head: 'yes' | 'no' | undefined;
  let other = false;
  clauses.forEach((clause, i) => {
    if (COURTESY.some((c) => c.test(clause))) return;
    if (i === 0 || (head === undefined && rest.length === 0)) {
      if (BARE_YES.test(clause)) return void (head = 'yes');
      if (BARE_NO.test(clause)) return void (head = 'no');
    }
    if (OTHER.test(clause)) {
      other = true;
      rest.push(clause);
      return;
    }
    const said = clauseAnswer(clause);
    if (said === 'yes') yes = true;
    else if (said === 'no') no = true;
    else rest.push(clause);
  });
  const answer = no || (head === 'no' && !yes) ? 'no' : yes || head === 'yes' ? 'yes' : undefined;
  return {
    ...(answer ? { answer } : {}),
    ...(answer === 'yes' && !yes ? { bareHead: true } : {}),
    rest: rest.join(' '),
    ...(other ? { other } : {}),
  };
}
