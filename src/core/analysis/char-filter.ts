/**
 * Character filter, the first step of the analyzer chain: Unicode NFKC folds
 * full-width ASCII (ＡＡＤＳＴＳ → AADSTS) and half-width katakana (ﾄｰｸﾝ → トークン);
 * dash and quote variants are unified so identifiers compare equal. Lone
 * surrogates (possible in any user text) become U+FFFD and control characters
 * spaces: kuromoji throws on both. A long-vowel mark or wave dash drawn out between two
 * hiragana (たまーに, すごーく, ちょ〜っと) is emphasis, not a letter: the word is read without it.
 */
export function normalizeChars(text: string): string {
  return text
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, ' ')
    .normalize('NFKC')
    .replace(/[\u2010-\u2015\u2212\uff0d]/g, '-')
    .replace(/[\u2018\u2019\u201c\u201d]/g, '"')
    .replace(/[\u3000\t\r\n]+/g, ' ')
    .replace(/(?<=[\u3041-\u3096])[ー〜~]+(?=[\u3041-\u3096])/g, '');
}

/**
 * The symbols of a text as one comparable form (👍, 👍🏽 and 👍️ alike): spaces, variation
 * selectors, zero-width joiners and skin-tone modifiers dropped. For a text of symbols alone,
 * which the letter-and-digit forms of matching reduce to nothing.
 */
export function symbolForm(text: string): string {
  return text.replace(/[\s\uFE0F\u200D]|\p{Emoji_Modifier}/gu, '');
}
