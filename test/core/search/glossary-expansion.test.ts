import assert from 'node:assert/strict';
import type { GlossaryExpander } from '../../../src/core/search/glossary-expansion.js';
import type { KnowledgeBase } from '../../../src/core/search/knowledge-base.js';
import { sharedExpander, sharedKnowledgeBase } from './shared.js';

/** The bundled glossary as English questions meet it. */
describe('glossary expansion', function () {
  this.timeout(120000);
  let kb: KnowledgeBase;
  let expander: GlossaryExpander;
  before(async () => {
    kb = await sharedKnowledgeBase();
    expander = await sharedExpander();
  });

  it('an article or a possessive inside a phrase does not keep the glossary phrase from matching', () => {
    const phrases = (text: string) => expander.expand(text).matches.map((m) => m.phrase);
    // The glossary says "delete policy" and "create a connection"; people write either, with or without the article.
    assert.deepEqual(phrases('can we delete the policy later'), ['delete the policy']);
    assert.deepEqual(phrases('we had to delete our policy'), ['delete our policy']);
    assert.ok(phrases('how to create connection for them').includes('create connection'));
    // A phrase does not end in a determiner, and a determiner alone is no phrase.
    assert.ok(!phrases('delete the').some((p) => p.endsWith('the')));
  });

  it('a failure that keeps coming back is a failure, not something about keeping or retrying', () => {
    const phrases = (text: string) => expander.expand(text).matches.map((m) => m.phrase);
    assert.ok(phrases('the invoice flow keeps failing every night').includes('keeps failing'));
    assert.ok(phrases('our sync flow kept failing after lunch').includes('kept failing'));
    // "keep" alone matches the retry policy's "keeps retrying"; the question is about the 401.
    const r = kb.ask('our invoice flow keeps failing with a 401 error');
    assert.ok(r.answers.length > 0);
    assert.notEqual(r.answers[0].id, 'prevent-retry-policy', r.answers.map((a) => a.id).join(' '));
    assert.ok(r.answers[0].citations.some((c) => c.docId === 'error-401'), r.answers.map((a) => a.id).join(' '));
  });

  it('a token\'s 寿命 is its 有効期間', () => {
    assert.ok(expander.jaSynonyms('寿命').includes('有効期間'));
    const r = kb.ask('アクセストークンの寿命って既定でどれくらい？');
    assert.ok(r.answers.slice(0, 3).some((a) => a.citations.some((c) => /有効期間/.test(c.passage))), r.answers.map((a) => a.id).join(' '));
  });

  it('two settings a question compares are two concepts with no term in common', () => {
    for (const [a, b] of [
      ['MaxAgeSingleFactor', 'MaxAgeMultiFactor'],
      ['MaxAgeSessionSingleFactor', 'MaxAgeSessionMultiFactor'],
      ['MaxAgeMultiFactor', 'MaxAgeSessionMultiFactor'],
    ]) {
      const { matches } = expander.expand(`how does ${a} differ from ${b}`);
      assert.equal(matches.length, 2, `${a} / ${b}`);
      const [x, y] = matches.map((m) => new Set(m.terms));
      assert.deepEqual([...x].filter((t) => y.has(t)), [], `${a} / ${b}`);
    }
  });
});
