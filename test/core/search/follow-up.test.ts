import assert from 'node:assert/strict';
import type { KnowledgeBase } from '../../../src/core/search/knowledge-base.js';
import { sharedKnowledgeBase } from './shared.js';

describe('core: follow-up questions and the topic they carry on', function () {
  let kb: KnowledgeBase;
  before(async () => {
    kb = await sharedKnowledgeBase();
  });

  it('a topic is the question\'s own words, most specific first, its everyday words last', () => {
    const topic = kb.topicOf('Does changing conditional access break connections?');
    assert.equal(topic[0], 'conditional access', topic.join(', '));
    assert.ok(topic.indexOf('connections') > 0 && topic.indexOf('break') > topic.indexOf('connections'), topic.join(', '));
  });

  it('a follow-up without a subject gets the whole topic; one naming a subject gets the rest of it', () => {
    const topic = kb.topicOf('パスワードをリセットしたら接続は切れる？');
    for (const followUp of ['それってどうやって直すの？', 'and how long does that last?', 'その場合はどうすればいい？']) {
      assert.equal(kb.withTopic(followUp, topic), `${followUp} ${topic.join(' ')}`, followUp);
    }
    for (const followUp of ['じゃあSSPRは？', 'what about SSPR?']) {
      assert.equal(kb.withTopic(followUp, topic), `${followUp} ${topic.slice(1).join(' ')}`, followUp);
    }
  });

  it('a question of its own is asked as it is', () => {
    const topic = kb.topicOf('90日使わないと接続が切れる？');
    for (const own of ['Why does my flow say the connection is invalid?', '条件付きアクセスを変えたら接続は切れますか？', 'MFAとは？', 'What is MFA?']) {
      assert.equal(kb.withTopic(own, topic), own, own);
    }
    assert.equal(kb.withTopic('それってどうやって直すの？', []), 'それってどうやって直すの？', 'no topic yet');
    // Another matter altogether, short as a follow-up is: the knowledge never names its subject.
    for (const other of ['大阪の天気は？', 'tell me a funny story', 'will it snow in Sapporo tomorrow?', 'じゃあ今日のランチは？']) {
      assert.equal(kb.withTopic(other, topic), other, other);
    }
  });
});
