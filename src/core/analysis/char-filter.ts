/**
 * Character filter, the first step of the analyzer chain: Unicode NFKC folds
 * full-width ASCII (ＡＡＤＳＴＳ → AADSTS) and half-width katakana (ﾄｰｸﾝ → トークン);
 * dash and quote variants are unified so identifiers compare equal.
 */
export function normalizeChars(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2010-\u2015\u2212\uff0d]/g, '-')
    .replace(/[\u2018\u2019\u201c\u201d]/g, '"')
    .replace(/[\u3000\t\r\n]+/g, ' ');
}
