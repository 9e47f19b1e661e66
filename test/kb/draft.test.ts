import assert from 'node:assert/strict';
import { headingQuestions, questionFromSentence, sentencesOf } from '../../src/content/draft.js';

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
