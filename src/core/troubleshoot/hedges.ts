/**
 * A question mark after a hedge marks doubt, not a question: "end user i guess?", 「ユーザーかな？」,
 * "AADSTS50105 i think?". The hedge stays, the mark becomes a full stop (what follows it may still ask).
 */
const HEDGED_MARK = /(\b(?:i think|i guess|i believe|maybe|probably|perhaps)|かな|かも|かもしれません|だと思う|だと思います|と思います|っぽい|みたい)\s*[?？]+/giu;

export function withoutHedgedMarks(text: string): string {
  return text.replace(HEDGED_MARK, '$1.');
}
