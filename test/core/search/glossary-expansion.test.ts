import assert from 'node:assert/strict';
import { GlossaryExpander } from '../../../src/core/search/glossary-expansion.js';
import type { KnowledgeBase } from '../../../src/core/search/knowledge-base.js';
import { sharedKnowledgeBase } from './shared.js';

/** The bundled glossary as English questions meet it. */
describe('glossary expansion', function () {
  this.timeout(120000);
  let kb: KnowledgeBase;
  let expander: GlossaryExpander;
  before(async () => {
    kb = await sharedKnowledgeBase();
    expander = new GlossaryExpander(kb.glossary, kb.analyzer);
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
