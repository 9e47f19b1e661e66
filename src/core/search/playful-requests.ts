/**
 * Requests for entertainment about our topics ("tell me a joke about Azure AD", "write a haiku about
 * expired connections", 「トークンのダジャレ言って」): they name the documents' subjects, so a search
 * finds texts on them, but no passage is what was asked. The knowledge base declines them and the
 * bot answers with a friendly line instead.
 */

/** Asking for a joke, a pun, a riddle, a poem or a song, or to be amused, in either language. */
const PLAYFUL = new RegExp(
  [
    String.raw`\b(?:jokes?|puns?|riddles?|knock[- ]knock)\b`,
    String.raw`\b(?:write|compose|make|give|tell|sing|say|recite)\b(?:\s+\w+){0,4}?\s+(?:a\s+|an\s+|some\s+)?(?:funny\s+)?(?:poems?|haikus?|songs?|limericks?|raps?|stor(?:y|ies)|jingles?)\b`,
    String.raw`\b(?:make me laugh|cheer me up|(?:tell|say|show) (?:me|us) (?:something|anything) funny)\b`,
    'ダジャレ|だじゃれ|駄洒落|親父ギャグ|おやじギャグ|ギャグ|ジョーク|なぞなぞ|川柳|俳句|一句|ポエム',
    '冗談(?!抜き|ぬき|じゃ|では|でしょ|です|だ)',
    '笑わせ|(?:面白い|おもしろい)(?:こと|話|ネタ)を?(?:言|いっ|聞かせ|教え|お願い)',
    '(?:詩|歌)を(?:書|作|つく|詠|歌)',
  ].join('|'),
  'i',
);

/** Whether a message asks for entertainment rather than for what the knowledge says (see PLAYFUL). */
export function asksForFun(text: string): boolean {
  return PLAYFUL.test(text.normalize('NFKC'));
}
