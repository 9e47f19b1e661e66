import assert from 'node:assert/strict';
import { GlossaryExpander } from '../../../src/core/search/glossary-expansion.js';
import type { KnowledgeBase } from '../../../src/core/search/knowledge-base.js';
import { analyzeQuery } from '../../../src/core/search/query.js';
import { sharedKnowledgeBase } from './shared.js';

/** The concepts of a question: what it is about, not the words that ask for the kind of answer. */
describe('query concepts', function () {
  this.timeout(120000);
  let kb: KnowledgeBase;
  let expander: GlossaryExpander;
  before(async () => {
    kb = await sharedKnowledgeBase();
    expander = new GlossaryExpander(kb.glossary, kb.analyzer);
  });
  const labels = (q: string) => analyzeQuery(q, kb.analyzer, expander).concepts.map((c) => c.label.toLowerCase());

  it('"how long" and "how soon" ask for a duration and are no concept', () => {
    assert.ok(!labels('How long is a SAML token good for?').includes('long'));
    assert.ok(!labels('how soon does a revoked session stop working').includes('soon'));
    assert.equal(analyzeQuery('How long is a SAML token good for?', kb.analyzer, expander).form, 'how-long');
    assert.ok(labels('a long password').includes('long'), 'elsewhere long is a word like any other');
  });
});
