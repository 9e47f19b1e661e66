import assert from 'node:assert/strict';
import type { GlossaryExpander } from '../../../src/core/search/glossary-expansion.js';
import type { KnowledgeBase } from '../../../src/core/search/knowledge-base.js';
import { analyzeQuery } from '../../../src/core/search/query.js';
import { sharedExpander, sharedKnowledgeBase } from './shared.js';

/** The concepts of a question: what it is about, not the words that ask for the kind of answer. */
describe('query concepts', function () {
  this.timeout(120000);
  let kb: KnowledgeBase;
  let expander: GlossaryExpander;
  before(async () => {
    kb = await sharedKnowledgeBase();
    expander = await sharedExpander();
  });
  const labels = (q: string) => analyzeQuery(q, kb.analyzer, expander).concepts.map((c) => c.label.toLowerCase());

  it('"how long" and "how soon" ask for a duration and are no concept', () => {
    assert.ok(!labels('How long is a SAML token good for?').includes('long'));
    assert.ok(!labels('how soon does a revoked session stop working').includes('soon'));
    assert.equal(analyzeQuery('How long is a SAML token good for?', kb.analyzer, expander).form, 'how-long');
    assert.ok(labels('a long password').includes('long'), 'elsewhere long is a word like any other');
  });

  it('a Japanese word before の says which (退職者の更新トークン); a Latin name there is the thing itself', () => {
    const qualifying = (q: string) => analyzeQuery(q, kb.analyzer, expander).concepts.filter((c) => c.qualifies).map((c) => c.label);
    assert.deepEqual(qualifying('派遣社員の更新トークンを無効化した'), ['社員']);
    assert.deepEqual(qualifying('RemoteConnect のプロンプトが変わった'), []);
  });
});
