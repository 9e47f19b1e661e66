import assert from 'node:assert/strict';
import { documentCoverage } from '../../../src/content/coverage.js';
import { draftEntries, headingQuestions, questionFromSentence, sentencesOf } from '../../../src/content/draft.js';

describe('kb draft: questions and sentences', () => {
  it('a heading that asks is a question as it is; a short name also gets "what is"; a long one does not', () => {
    assert.deepEqual(headingQuestions('エラーコード401の意味は? / 原因と解決方法を徹底解説'), ['エラーコード401の意味は?']);
    assert.deepEqual(headingQuestions('回復キー'), ['回復キーについて教えてください', '回復キーとは何ですか']);
    assert.deepEqual(headingQuestions('今後の「401エラー」を防ぐための改善策と運用上の注意点'), ['今後の「401エラー」を防ぐための改善策と運用上の注意点について教えてください']);
  });

  it('turns です / ます sentences into yes/no questions and leaves others alone', () => {
    assert.equal(questionFromSentence('回復キーが必要です。'), '回復キーが必要ですか');
    assert.equal(questionFromSentence('復元することはできません。'), '復元することはできませんか');
    assert.equal(questionFromSentence('以下を参照。'), undefined);
  });

  it('splits sentences at 。！？ keeping closing brackets, without the heading lines or list marks', () => {
    const text = 'A / B\nB\n「これはどういう意味?」「わからない」\n- 二つ目の文です!三つ目';
    assert.deepEqual(sentencesOf(text, ['A / B']), ['「これはどういう意味?」', '「わからない」', '二つ目の文です!', '三つ目']);
  });
});

describe('kb draft: an English document', () => {
  it('drafts the English side from it and marks the Japanese side to-do', () => {
    const doc = { id: 'en-doc', title: 'T', url: 'https://example.com', authority: 'community' as const, lang: 'en' as const, file: 'en-doc.md', body: '# Gateway recovery key\n\nYou need the recovery key to move a gateway. Keep it safe.\n' };
    const cov = documentCoverage(doc, []);
    const [entry] = draftEntries(doc, cov.uncovered, cov.sections);
    assert.deepEqual(entry.questions.en, ['Tell me about Gateway recovery key', 'What is Gateway recovery key?']);
    assert.equal(entry.answer.en, 'You need the recovery key to move a gateway. Keep it safe.');
    assert.match(entry.answer.ja, /^TODO/);
    assert.deepEqual(entry.citations.map((c) => c.quote), ['You need the recovery key to move a gateway.', 'Keep it safe.']);
  });
});
