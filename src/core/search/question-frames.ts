/**
 * Question frames: the words with which people ask for advice, a precaution or a plan
 * (「今後こうならないように」, 「気をつけること」, "best practice", "next time") rather than
 * name what they ask about. The documents rarely use them, so as concepts they would read as
 * things the knowledge does not cover; they say what kind of answer is wanted instead, or
 * when and for whom the asker's situation holds, or how plainly the answer is to be put.
 */
import { RATE } from '../analysis/english.js';

/**
 * Asking what to do (or not do) so that something goes well, by kind: prevention, habits,
 * precautions, advisability. Each kind lists the words the documents give that advice with
 * (定期的に for a habit, 改善策 for prevention), which such a question also looks for.
 * `notInYesNo`: words that say when rather than ask (今後, 普段, "next time"): they ask for
 * advice in a how-question ("how do we handle it next time?") but not in one asking whether
 * (「今後、接続は切れますか？」, "will it break in the future?").
 */
const ADVICE: readonly { asked: readonly string[]; givenWith: readonly string[]; notInYesNo?: true }[] = [
  {
    // Prevention: 今後こうならないように, 二度と起きないように, 再発を防ぐ, 未然に, "avoid"
    asked: [
      '(?:なら|起き|起こら)?ないよう(?:に|な)(?!な[っりる])',
      '(?:防ぐ|防げる|防止|予防|回避|避ける|避けたい|未然に|対策)',
      '\\b(?:avoid(?:ing)?|prevent(?:ing|ion)?)\\b',
      // "so this stops happening", "so nothing dies on us", "catch it before things break".
      "\\bso (?:that )?(?:this|it|nothing|things|they|flows?|connections?) (?:never |doesn't |don't |won't )?(?:stops? happening|happens? again|dies|die|breaks?|goes down)\\b",
      '\\bcatch (?:it|them|this|that|problems?|issues?) (?:early|before)\\b',
    ],
    givenWith: ['防ぐ', '改善策', '予防'],
  },
  {
    // Prevention said by when: 今後, 次から, 二度と, "next time", "going forward"
    asked: ['(?:今後|次から|次回から?|これから|二度と|再発)', '\\b(?:next time|going forward|from now on|in (?:the )?future)\\b'],
    givenWith: ['防ぐ', '改善策', '予防'],
    notInYesNo: true,
  },
  {
    // Habits: 普段から, 日頃から
    asked: ['(?:普段|日頃|日ごろ|常日頃|日常的に)から?'],
    givenWith: ['定期的', '習慣'],
    notInYesNo: true,
  },
  {
    // Precautions: 気をつけること, 注意点, 留意点, 心がけ, "watch out for", "keep in mind"
    asked: [
      '気を(?:つけ|付け)(?:る|て|た|ておく)?(?:べき)?(?:こと|点)?',
      '(?:注意|留意)(?:点|事項|すべき(?:こと|点)?|すること|しておくこと)',
      '心が(?:け|ける)(?:ること|ておくこと)?',
      '\\b(?:watch out(?: for)?|look out for|be careful|keep in mind|precautions?|pitfalls?|gotchas?)\\b',
    ],
    givenWith: ['注意', '留意'],
  },
  {
    // What can or should be done: できること, やっておくべきこと, したほうがいい, おすすめ, "best practice"
    asked: [
      '(?:できる|やれる|やるべき|すべき|しておく(?:べき)?|やっておく(?:べき)?|しとく|やっとく)こと',
      // 「今からやっておける対策」「今のうちに打てる手」: what can be done beforehand.
      '(?:今から|今のうちに)?(?:やっておける|しておける|打てる)(?=対策|こと|手)',
      // 「何をしておけばいい？」「何をアナウンスしとけば」: what should have been done (or said) beforehand.
      '(?:アナウンス|周知|告知)?(?:して|やって|し|やっ)(?:おけ|とけ)ば',
      'ておくべき',
      '(?:た|ない)(?:ほう|方)が(?:いい|良い|よい|よろしい)',
      '(?:やめ|止め)た(?:ほう|方)が',
      '(?:おすすめ|お勧め|お薦め|オススメ|推奨|ベストプラクティス)(?:の|は|されて(?:いる)?)?',
      '\\b(?:best practices?|recommend(?:ed|ations?)?|advisable|advice|tips?|good idea|bad idea)\\b',
      // "What should we check / know / prepare?" ("what should I do" asks how).
      '\\bwhat (?:should|must) (?:i|we) (?!do\\b)\\w+',
    ],
    givenWith: ['推奨', 'お勧め'],
  },
];

/**
 * When and for whom the asker's situation holds (来週, 全社で, our whole company, before we
 * change it): it narrows the situation, the knowledge answers the same whoever and whenever.
 */
const CONTEXT: readonly string[] = [
  '(?:来週|来月|再来週|今度|近々|近いうちに)',
  // Plans and preparation (…予定です, 事前に, "before we change…", "planning to"): they say when;
  // they ask for advice only with one of the words above.
  '(?:予定|計画|つもり)(?!通り|どおり)(?:です|でいます|している|しています)?',
  '(?:事前に|前もって|あらかじめ|予め)',
  '\\b(?:plan(?:ning|ned)? to|planned|beforehand|in advance|ahead of time)\\b',
  '\\bbefore (?=(?:we |i |you |they )?\\w+ing\\b|(?:we|i|you|they) \\w+)',
  // Who would notice the problem otherwise (before users complain, 利用者に言われる前に): when, not what.
  '\\bbefore (?:(?:our|the|any|my) )?(?:users?|anyone|people|customers?|someone|somebody|staff|colleagues?) (?:(?:start|starts|begin) (?:to )?)?(?:complain|notic|report|tell|call|yell)\\w*(?: (?:us|me|about it))?',
  '(?:ユーザー|利用者|現場|みんな|誰か|社員)(?:から|に|が)(?:言われる|指摘される|気づく|気付く|文句を言われる|問い合わせが来る)前に',
  // How the asker learned of it (「期限切れの通知きてた」, 「情シスから連絡きた」, 「って言われた」, "got an
  // email saying"), and what they did with it (「放置してた」): the thing itself is what is asked.
  '(?:通知|連絡|メール|お知らせ|案内|アラート)(?:が|は|も)?(?:来|き|届い)(?:て(?:た|いた|る|いる|ました)?|た|ました)',
  '(?:って|と)(?:言われ|いわれ|聞い|きい)(?:た|て(?:た|いた|ます)?|ました)',
  '(?:放置|ほったらかし|ほっとい|スルー)(?:して(?:た|いた|ました|る)?|した|てた)?',
  "\\b(?:got|received|get|saw) (?:an?|the|this|that) (?:e-?mail|notice|notification|message|alert|warning) (?:saying|that|about)\\b",
  "\\b(?:ignored|ignoring) (?:it|the (?:e-?mail|notice|notification|warning|message))\\b",
  // Whether it matters at all (「それとも関係ない？」, "or is that unrelated"): asks whether, names nothing.
  '(?:それとも)?関係(?:ない|ある|あります|ありません|なし)(?:の|です|でしょう)?か?',
  "\\b(?:or is (?:that|it|this) )?(?:unrelated|irrelevant)\\b|\\bdoes (?:that|it|this) (?:even )?matter\\b",
  // How often something runs or happened (「年に一回しか使わない」, 「月に1回くらい」, 「何回も」, たまに, "once a
  // month"): the asker's rhythm, which no document states; how long a thing sat unused is a duration, read apart.
  '(?:年|月|週|日|四半期|半期|半年|期|毎月|毎週|毎年)に?(?:[一二三四五1-9]|数|何)(?:回|度)(?:くらい|ぐらい|程度|ほど|だけ|しか)?',
  '(?:何|[一二三四五六七八九十]|[0-9]+)(?:回|度)(?:目|も|くらい|ぐらい|ほど)?(?!\\s*(?:日|時間|分|週))',
  '(?:たまに|時々|ときどき|時たま|ときたま)(?:だけ|しか)?',
  "\\b(?:once|twice|\\w+ times) (?:a|an|per|every) (?:day|week|month|quarter|year)\\b|\\bonce in a while\\b|\\bevery (?:so )?often\\b",
  // A number of days or times per period ("two days a week", "3 times per day"): when, not how long.
  RATE.source,
  '(?:全社|社内|社外|当部署|部署内|チーム内|全員|みんな)(?:で|の|に|は|的に)?',
  '\\b(?:next (?:week|month)|company-wide|org-wide|across the (?:company|org(?:anization)?|tenant)|everyone in the (?:company|org(?:anization)?)|(?:for |across )?the whole (?:company|org(?:ani[sz]ation)?|team|tenant)|for everyone|for all (?:our )?users)\\b',
];

/**
 * How the asker wants the answer put (簡単に言うと, ざっくり, "in plain English", "in a nutshell"):
 * the knowledge answers the same however plainly it is asked for.
 */
const MANNER: readonly string[] = [
  '(?:簡単|かんたん|手短|端的)に(?:言うと|いうと|言えば|いえば|説明(?:して|すると)?|教えて)|ざっくり|わかりやすく|分かりやすく|(?:一言|ひとこと)で(?:言うと|いうと|言えば|いえば)?',
  // Words that sum up what went before (結局, 要するに, つまり): the same question, asked for its gist.
  '(?:結局|けっきょく|要するに|ようするに|つまり|要は|ようは)(?:の(?:ところ)?)?',
  "\\b(?:in (?:simple|plain|layman'?s|laymans|easy) (?:words|terms|english|language)|simply put|in a nutshell|in short|eli5)\\b",
];

/**
 * What the asker says of the answer they got ("thanks, that fixed it", "the reconnect worked",
 * "you're a lifesaver"): a reply to the bot, naming nothing to look up. What it fixed is the
 * answer's subject, not a new question's; "it worked before" tells of the problem and stays.
 */
const REPLY_TO_ANSWER: readonly string[] = [
  "\\b(?:that|this|which|it|(?:the|your) [\\w-]+)\\s+(?:(?:totally|finally|really)\\s+)?(?:fixed|solved|sorted|resolved)\\s+it\\b",
  "\\b(?:that|this|it|(?:the|your) [\\w-]+)\\s+(?:(?:totally|finally|really)\\s+)?(?:worked|did the trick|did it)\\b(?!\\s*(?:before|until|till|yesterday|last|fine|for|when|on|in|at|earlier|previously|but|and then|,?\\s*but))",
  "\\byou(?:'re|’re| are|re)\\s+(?:a |an |the )?(?:lifesaver|life saver|legend|star|genius|hero|best)\\b|\\byou rock\\b",
];

/**
 * Asking what a word means or what a thing is ("define", "what does X mean", "stand for"): the
 * question is about the thing named, and the form (see questionForm) leans towards texts defining it.
 */
const DEFINITION: readonly string[] = [
  '\\b(?:define|definition(?: of)?|meaning(?: of)?|stands? for)\\b',
  '\\bmean\\b(?=\\s*(?:[?.!,]|$|in (?:plain|simple)\\b|exactly\\b|for\\b))',
];

const ASKED = ADVICE.map((k) => new RegExp(k.asked.join('|'), 'i'));
const REPLY = new RegExp(REPLY_TO_ANSWER.join('|'), 'gi');
const FRAME = new RegExp([...ADVICE.flatMap((k) => k.asked), ...CONTEXT, ...MANNER, ...DEFINITION, ...REPLY_TO_ANSWER].join('|'), 'gi');

/** The kinds of advice a question asks for; `yesNo` when it asks whether (see notInYesNo). */
function kindsAsked(question: string, yesNo: boolean): typeof ADVICE {
  return ADVICE.filter((k, i) => !(yesNo && k.notInYesNo) && ASKED[i].test(question));
}

/** True when the question asks for advice or a precaution (see ADVICE). */
export function asksAdvice(question: string, yesNo = false): boolean {
  return kindsAsked(question, yesNo).length > 0;
}

/** The words the documents give the advice a question asks for with (see ADVICE). */
export function adviceWords(question: string, yesNo = false): string[] {
  return kindsAsked(question, yesNo).flatMap((k) => k.givenWith);
}

/** Character ranges of the question's frame words (advice, context, manner, definition and replies to an answer). */
export function frameSpans(question: string): [number, number][] {
  return [...question.matchAll(FRAME)].filter((m) => m[0].length > 0).map((m) => [m.index, m.index + m[0].length]);
}

/**
 * A message with what it says of the answer it got taken out ("thanks, the reconnect worked 🙏" →
 * "thanks, 🙏"), or undefined when it says nothing of the kind (see REPLY_TO_ANSWER).
 */
export function withoutReplyToAnswer(message: string): string | undefined {
  const rest = message.replace(REPLY, ' ');
  return rest === message ? undefined : rest;
}
