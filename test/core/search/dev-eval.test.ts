import assert from 'node:assert/strict';
import { join } from 'node:path';
import { evaluate, formatReport, readEvalFile, type Rate } from '../../../src/core/search/evaluation.js';
import { sharedKnowledgeBase } from './shared.js';

const FIXTURES = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures');
const share = (r: Rate): number => (r.total ? r.hits / r.total : 0);

describe('retrieval quality on the evaluation sets', function () {
  this.timeout(120000);

  it('meets the bar on test/fixtures/dev.jsonl', async () => {
    const kb = await sharedKnowledgeBase();
    const report = evaluate(readEvalFile(join(FIXTURES, 'dev.jsonl')), (q) => kb.ask(q), kb.documents);
    const summary = formatReport(report);
    assert.ok(share(report.top3.ja) >= 0.95, summary);
    assert.ok(share(report.top3.en) >= 0.9, summary);
    assert.ok(share(report.top1.all) >= 0.85, summary);
    assert.ok(share(report.declined) >= 0.9, summary);
    assert.equal(share(report.englishInEnglish), 1, summary);
    assert.equal(share(report.quotesVerbatim), 1, summary);
  });

  it('generalises to the held-out questions written from the documents (test/fixtures/holdout.jsonl)', async () => {
    const kb = await sharedKnowledgeBase();
    const report = evaluate(readEvalFile(join(FIXTURES, 'holdout.jsonl')), (q) => kb.ask(q), kb.documents);
    const summary = formatReport(report);
    assert.ok(share(report.top3.all) >= 0.9, summary);
    assert.ok(share(report.declined) >= 0.9, summary);
    assert.equal(share(report.quotesVerbatim), 1, summary);
  });
});
