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
      ja: ['はい', '解決した', '解決しました', '直った', '直りました', '治った', 'うまくいった', 'うまくいきました', '動いた', '動きました'],
      en: ['yes', 'y', 'yep', 'yeah', 'solved', 'fixed', 'it worked', 'works now', 'it works'],
    },
  },
  {
    id: SOLVED_NO,
    label: { ja: 'いいえ、まだ解決していません', en: 'No, not yet' },
    synonyms: {
      ja: ['いいえ', 'いや', 'まだ', '解決していない', '解決しない', '解決しません', '直らない', '直っていない', '直りません', 'だめ', 'ダメ', '駄目'],
      en: ['no', 'n', 'nope', 'not solved', 'not fixed', 'still broken', 'did not work', "didn't work", 'not yet', 'still failing'],
    },
  },
];
