import assert from 'node:assert/strict';
import { join } from 'node:path';
import { stepReply } from '../../src/bot/replies.js';
import { troubleshootService } from '../../src/bot/troubleshoot-service.js';
import type { OutcomeView } from '../../src/bot/services.js';
import { repoRoot } from '../../src/core/repo-root.js';
import { GlossaryTopics, quoteEnglish } from '../../src/core/search/answers.js';
import type { KnowledgeBase } from '../../src/core/search/knowledge-base.js';
import { loadTrees } from '../../src/core/troubleshoot/index.js';
import { allText, cards, japaneseOnlyInQuotes, pickValue, sharedServices, stepOptions } from '../server/helpers.js';
import { deliveringToFakeConnector } from '../server/fake-connector-suite.js';

const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/;
/** The line an English step shows under a Japanese quote: its gist, what it is about, or that it is Japanese. */
const ENGLISH_LINE = /^(?:In English, in short: [^\u3040-\u30ff\u3400-\u9fff]+|A Japanese source about [\x20-\x7e]+\.|A Japanese source, with no English version\.)$/;

/** The lines of a card's fallback text that quote a source: "[n] “…”" (outcome) or "“title” url: “…”" (a note). */
function quoteLines(fallback: string): { quote: string; next: string }[] {
  const lines = fallback.split('\n').map((l) => l.trim());
  return lines.flatMap((l, i) => (/^- \[\d+\] “/.test(l) ? [{ quote: l, next: lines[i + 1] ?? '' }] : []));
}

describe('bot: English beside the Japanese sources of a walk', function () {
  let kb: KnowledgeBase;
  before(async () => {
    kb = (await sharedServices()).knowledge as KnowledgeBase;
  });

  it('every outcome of the bundled tree, in English, follows each Japanese quote with English; in Japanese with none', () => {
    const { trees } = loadTrees(join(repoRoot(), 'dialogs'), kb.documents);
    const svc = troubleshootService(trees, (c) => kb.englishOf(c));
    const tree = trees.find((t) => t.id === 'invalid-connection')!;
    const outcomes = Object.entries(tree.nodes).filter(([, n]) => n.kind === 'outcome');
    assert.ok(outcomes.length >= 10);
    let withGist = 0;
    for (const [nodeId] of outcomes) {
      const at = { v: 1, treeId: tree.id, nodeId, trail: [], answers: [], triedOutcomes: [] };
      const en = stepReply(svc.view(at, 'en'), 'en');
      const fallback = cards([en as any])[0].fallbackText as string;
      const quotes = quoteLines(fallback).filter((q) => JAPANESE.test(q.quote));
      assert.ok(quotes.length >= 1, `${nodeId}: quotes a source`);
      for (const q of quotes) assert.match(q.next, ENGLISH_LINE, `${nodeId}: ${q.quote}`);
      withGist += quotes.filter((q) => q.next.startsWith('In English')).length;
      assert.ok(japaneseOnlyInQuotes(`${en.text}\n${fallback}`), `${nodeId}: Japanese only in quotes`);
      const ja = cards([stepReply(svc.view(at, 'ja'), 'ja') as any])[0].fallbackText as string;
      for (const q of quoteLines(ja)) assert.doesNotMatch(q.next, ENGLISH_LINE, `${nodeId} in Japanese`);
    }
    assert.ok(withGist >= 10, `most outcomes have a curated gist (${withGist})`);
  });

  it('the gist is the first sentence of the curated entry the quote is the main source of, without its yes', () => {
    const entry = kb.curated.find((e) => e.id === 'invalidate-refresh-token-revoked')!;
    const main = entry.citations[0];
    const english = kb.englishOf(main);
    assert.ok(english.gist, JSON.stringify(english));
    assert.ok(!/^Yes\b/.test(english.gist), english.gist);
    assert.ok(entry.answer.en.includes(english.gist.replace(/…$/, '')), english.gist);
  });

  it('a quote no curated entry is based on gets the topics the glossary finds in it, else only that it is Japanese', () => {
    const glossary = new GlossaryTopics([{ en: ['access token'], ja: ['アクセス トークン'] }, { en: ['token'], ja: ['トークン'] }, { en: ['revoke'], ja: ['取り消す'] }] as any);
    const cited = { quote: 'アクセス トークンは取り消すことはできず、有効期限まで有効です。', section: '概要' };
    assert.deepEqual(quoteEnglish(cited, [], glossary), { topics: ['access token', 'revoke'] });
    assert.deepEqual(quoteEnglish({ quote: '以下の通りです。', section: '概要' }, [], glossary), {});
    // An entry citing the quote among others is not its gist: it says more than the quote.
    const wider = { id: 'x', answer: { en: 'Yes. Many things.', ja: '' }, citations: [{ quote: '別の文。' }, { quote: cited.quote }] } as any;
    assert.deepEqual(quoteEnglish(cited, [wider], glossary), { topics: ['access token', 'revoke'] });
    const own = { ...wider, answer: { en: 'Yes. An access token cannot be revoked. It expires.', ja: '' }, citations: [{ quote: cited.quote }] };
    assert.deepEqual(quoteEnglish(cited, [wider, own], glossary), { gist: 'An access token cannot be revoked.' });
  });
});

describe('bot: an English walk outcome as the connector receives it', function () {
  const { conversation } = deliveringToFakeConnector();

  it('shows English under each Japanese quote in the card body and its fallback text', async () => {
    const { say, send } = conversation('en-US');
    const roleCard = cards(await say('troubleshoot')).at(-1)!;
    const symptomCard = cards(await send({ type: 'message', value: pickValue(roleCard, 'end-user') })).at(-1)!;
    const replies = await send({ type: 'message', value: pickValue(symptomCard, stepOptions(symptomCard)[0].id) });
    const card = cards(replies).at(-1)!;
    const runs: string[] = card.body.filter((el: any) => el.type === 'RichTextBlock').map((el: any) => el.inlines[0].text);
    const quotes = runs.map((r, i) => ({ quote: r, next: runs[i + 1] ?? '' })).filter((r) => /^\[\d+\] “/.test(r.quote));
    assert.ok(quotes.length >= 1, allText(replies));
    for (const q of quotes) assert.match(q.next, ENGLISH_LINE, q.quote);
    for (const q of quoteLines(card.fallbackText)) assert.match(q.next, ENGLISH_LINE, q.quote);
    assert.ok(japaneseOnlyInQuotes(allText(replies)), allText(replies));
  });
});
