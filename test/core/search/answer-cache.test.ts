import assert from 'node:assert/strict';
import { AnswerCache } from '../../../src/core/search/answer-cache.js';
import { KnowledgeBase } from '../../../src/core/search/knowledge-base.js';
import type { AskResult } from '../../../src/core/search/types.js';
import { devQuestions } from '../../bench/questions.js';
import { sharedKnowledgeBase } from './shared.js';

const result = (question: string): AskResult => ({ question, lang: 'ja', answered: false, answers: [] });

describe('answer cache', function () {
  this.timeout(120000);

  it('searches a question once per language and limit, and returns the same frozen result after that', () => {
    const cache = new AnswerCache(10);
    let searches = 0;
    const ask = (q: string, lang: string, limit: number) => cache.get(q, lang, limit, () => (searches++, result(q)));
    const first = ask('接続', 'ja', 3);
    assert.equal(ask('接続', 'ja', 3), first);
    assert.equal(searches, 1);
    ask('接続', 'en', 3);
    ask('接続', 'ja', 5);
    assert.equal(searches, 3, 'language and limit are part of the key');
    assert.ok(Object.isFrozen(first) && Object.isFrozen(first.answers));
    assert.throws(() => (first.answers as unknown[]).push({}), TypeError);
    assert.deepEqual([cache.hits, cache.misses], [1, 3]);
  });

  it('keeps at most maxEntries, dropping the least recently used; 0 keeps nothing', () => {
    const cache = new AnswerCache(2);
    let searches = 0;
    const ask = (q: string) => cache.get(q, 'ja', 3, () => (searches++, result(q)));
    ask('a');
    ask('b');
    ask('a'); // a is now the most recent
    ask('c'); // evicts b
    ask('a');
    assert.equal(searches, 3);
    ask('b');
    assert.equal(searches, 4);

    const none = new AnswerCache(0);
    none.get('a', 'ja', 3, () => (searches++, result('a')));
    none.get('a', 'ja', 3, () => (searches++, result('a')));
    assert.equal(searches, 6);

    for (let i = 0; i < 50; i++) ask(`q${i}`);
    assert.equal(cache.size, 2, 'many questions later, still within the bound');
    assert.equal(none.size, 0);
  });

  it('the knowledge base answers the same with and without it, and repeats come from it', async () => {
    const cached = await sharedKnowledgeBase();
    const uncached = await KnowledgeBase.open({ answerCacheSize: 0 });
    for (const { q, lang } of devQuestions()) {
      const first = cached.ask(q, { lang, limit: 3 });
      assert.deepEqual(first, uncached.ask(q, { lang, limit: 3 }), q);
      assert.equal(cached.ask(q, { lang, limit: 3 }), first, `a repeat of "${q}" is served from the cache`);
      assert.notEqual(uncached.ask(q, { lang, limit: 3 }), uncached.ask(q, { lang, limit: 3 }));
    }
  });
});
