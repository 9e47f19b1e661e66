/**
 * Asking about the answer just given rather than about a subject: where it comes from
 * ("source?", 「出典は？」) or for more of it ("more details please", 「詳しく教えて」). Both name
 * nothing to search for; they are answered with the sources of the last answer, whose
 * documents hold the full text. Recognised only as the whole message, with a polite tail.
 */

export type AskedBack = 'sources' | 'more';

const SOURCES = [
  /^(?:the\s+)?(?:source|sources|citation|citations|reference|references|link|links|docs?|documentation)(?:\s+please)?$/,
  /^(?:what|where)(?:'s|\s+is|\s+are)\s+(?:the|your)\s+(?:source|sources|reference|references|link)$/,
  /^where\s+(?:is|does|did)\s+(?:that|this|it)\s+(?:come\s+)?from$/,
  /^(?:can|could)\s+(?:you|i)\s+(?:give|show|see|send|get)\s+(?:me\s+)?(?:the\s+)?(?:source|sources|link|links|reference|references)(?:\s+please)?$/,
  /^(?:出典|ソース|情報源|根拠|参照元|引用元|リンク|元の?(?:記事|ドキュメント|資料))(?:は|を|が)?(?:どこ|どれ|何|なに)?(?:です|でしょう)?か?(?:教えて|見せて|知りたい|ください|下さい|ありますか|あります|お願いします)?(?:ください)?$/u,
];

const MORE = [
  /^(?:(?:can|could)\s+you\s+)?(?:tell\s+me\s+more|more|more\s+details?|more\s+info(?:rmation)?|details?|go\s+on|elaborate|explain\s+more|in\s+more\s+detail|explain\s+in\s+more\s+detail)(?:\s+please)?$/,
  /^(?:もっと|もう少し|もうちょっと)?(?:詳しく|くわしく|詳細(?:を)?)(?:教えて|知りたい|説明して|お願いします|お願い)?(?:ください|下さい|もらえますか|いただけますか)?$/u,
];

/** The message as a request about the last answer, or undefined. */
export function askedBack(text: string): AskedBack | undefined {
  const t = text.normalize('NFKC').toLowerCase().trim().replace(/[\s?？!！。.、,]+$/u, '').replace(/^(?:ok|okay|thanks|thank you|hmm|and)[\s,]+/u, '');
  if (!t || t.length > 40) return undefined;
  if (SOURCES.some((r) => r.test(t))) return 'sources';
  if (MORE.some((r) => r.test(t))) return 'more';
  return undefined;
}
