import assert from 'node:assert/strict';
import type { KnowledgeBase } from '../../../src/core/search/knowledge-base.js';
import { answerHits } from '../../../src/core/search/evaluation.js';
import { sharedKnowledgeBase } from './shared.js';

describe("an administrator's question for a setting's recommended value", function () {
  this.timeout(120000);
  let kb: KnowledgeBase;
  before(async () => {
    kb = await sharedKnowledgeBase();
  });

  // The MFA article's advice for MaxAgeMultiFactor: ideally until-revoked, so connections keep working.
  const UNTIL_REVOKED = [{ doc: 'conditional-access-mfa', any: ['「取り消されるまで」の値'] }];
  for (const q of ['what MaxAgeMultiFactor value would you recommend for our flow connections?', 'MaxAgeMultiFactor って何にしておくのが推奨？']) {
    it(`answers "${q}" first with the value the documents recommend`, () => {
      const first = kb.ask(q).answers[0];
      assert.ok(first && answerHits(first, UNTIL_REVOKED), `${q} → ${first?.id}`);
    });
  }
});
