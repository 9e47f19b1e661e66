/** The "did this solve it?" question asked under every outcome, as matchable options. */
import type { Matchable } from './answer-matcher.js';

/** Option ids of "did this solve it?". */
export const SOLVED_YES = 'solved';
export const SOLVED_NO = 'not-solved';

export const SOLVED_OPTIONS: readonly Matchable[] = [
  {
    id: SOLVED_YES,
    label: { ja: 'はい、解決しました', en: "Yes, it's fixed" },
    synonyms: {
      ja: [
        'はい', 'うん', 'ええ', 'そう', 'そうです', '解決', '解決した', '解決しました', '直った', '直りました', '治った', 'なおった', 'なおりました', 'うまくいった', 'うまくいきました',
        '動いた', '動きました', 'できた', 'できました', 'いけた', 'いけました', '大丈夫', '大丈夫です', 'オッケー', 'バッチリ', '👍', '🙆',
      ],
      en: ['yes', 'y', 'yep', 'yeah', 'yup', 'ya', 'sure', 'solved', 'fixed', 'it worked', 'works now', 'it works', 'it did', 'all good', 'working now', 'sorted', 'perfect', '👍'],
    },
    answerPatterns: [
      '^\\s*(はい|うん|ええ|そう(です)?)[、。,.!！\\s]*$|(直り|治り|なおり|解決し|動き|でき)ました|(直っ|治っ|なおっ|解決し|動い|でき|いけ)た[!！。]*$',
      '^\\s*(yes|yep|yeah|yup|ya)\\b(?!.*\\b(not|but|still)\\b)|\\b(works|working|worked|fixed|solved|sorted) (now|again|it)\\b|\\bthat (did it|worked|fixed it)\\b',
      // Thanks and nothing more, said to "did this solve it?", is a yes; "thanks, but…" says more and is not.
      '^\\s*(どうも)?(ありがと[うー]?(ございま(す|した))?|有難う(ございま(す|した))?|助かり(ます|ました)|助かった|感謝(します|です|いたします))[\\s。!！、♪〜ー😊🙏👍🙇]*((どうも)?(ありがと[うー]?(ございま(す|した))?|助かり(ます|ました)|助かった|感謝(します|です|いたします))[\\s。!！♪〜ー😊🙏👍🙇]*)?$',
      '^\\s*((ok|okay|great|perfect|awesome|cool|nice)[\\s,!.]+)?(thanks|thank you|thx|ty|tysm|cheers|much appreciated|appreciate it)(\\s+(so much|very much|a lot|a ton|again|for (the|your) help))?[\\s.!,:)😊🙏👍]*$',
    ],
  },
  {
    id: SOLVED_NO,
    label: { ja: 'いいえ、まだ解決していません', en: 'No, not yet' },
    synonyms: {
      ja: [
        'いいえ', 'いや', 'ううん', 'まだ', '未解決', '解決していない', '解決しない', '解決しません', '直らない', '直っていない', '直りません', 'だめ', 'ダメ', '駄目',
        '変わらない', '変わりません', 'うまくいかない', 'うまくいきません', 'できない', 'できません', '同じエラー', '同じです', '変わらず', '違う', '違います', 'ちがう', '違った', '👎', '🙅',
      ],
      en: [
        'no', 'n', 'nope', 'nah', 'not solved', 'not fixed', 'still broken', 'did not work', "didn't work", 'not yet', 'still failing', 'not really',
        "didn't help", 'did not help', 'no luck', 'same error', 'still the same', 'not working', 'still not working', "doesn't work", "that's not it", 'wrong', '👎',
      ],
    },
    answerPatterns: [
      '(しても|やっても|したけど|したが|したのに)[^。]{0,6}(同じ|変わら|ダメ|だめ|駄目|直らな)|(直|治|なお)(らない|ってない|っていない|りません|らなかった)|(解決|改善)(しない|していない|してない|しません|しなかった)|(変わら|変わりませ|うまくいか|動か|でき)(ない|ん|なかった)|(駄目|ダメ|だめ)(だった|でした|です|みたい)?|同じ(エラー|状態|まま)',
      '^\\s*(no|nope|nah)\\b|\\b(didn\'?t|did not|doesn\'?t|does not|won\'?t|still (doesn\'?t|does not)) (work|help|fix|solve)|\\bstill (broken|failing|fails|failed|invalid|the same|not|getting)\\b|\\bsame (error|problem|issue|thing)\\b|\\bno (luck|change|difference)\\b',
    ],
  },
];

/**
 * Words that say the problem is gone (not just "yes"): typed while a question is asked, they
 * end the walk as solved, when "did this solve it?" reads them as its yes too.
 */
export const SAYS_FIXED = /直っ|直り|治っ|治り|なおっ(?:た|て(?:る|い))|なおりました|解決(?:し(?:た|ました)|です|済|でき)|動くようにな|\b(?:fixed|solved|sorted|resolved)\b|\b(?:works|working) (?:now|again|fine)\b|\bthat (?:did it|worked)\b/iu;
