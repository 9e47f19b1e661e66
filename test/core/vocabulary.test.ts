import assert from 'node:assert/strict';
import { COMMANDS, findCommand, matchCommand } from '../../src/core/vocabulary.js';

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

describe('core: vocabulary of commands and navigation words', () => {
  it('understands every command title in both languages, and language requests', () => {
    for (const c of COMMANDS) {
      assert.equal(findCommand(c.title.en)?.id, c.id);
      assert.equal(findCommand(c.title.ja)?.id, c.id);
      assert.ok(!JAPANESE.test(c.title.en + c.description.en), c.id);
    }
    assert.equal(findCommand('English please')?.id, 'english');
    assert.equal(findCommand('in English')?.id, 'english');
    assert.equal(findCommand('英語で')?.id, 'english');
    assert.equal(findCommand('日本語で')?.id, 'japanese');
    assert.equal(findCommand('ＨＥＬＰ！')?.id, 'help');
    assert.equal(findCommand('help me fix my flow'), undefined);
  });

  it('the bot and the walker read one list: every restart, cancel and help word means the same to both', () => {
    for (const id of ['restart', 'cancel', 'help'] as const) {
      for (const word of COMMANDS.find((c) => c.id === id)!.match) {
        assert.equal(findCommand(word)?.id, id, word);
        assert.equal(matchCommand(word), id, word);
      }
    }
    for (const word of ['exit', '終了', '初めから', 'start over']) assert.ok(findCommand(word) && matchCommand(word), word);
    assert.equal(matchCommand('戻る'), 'back');
    assert.equal(findCommand('戻る'), undefined, '"back" is a walk word, not a command');
    assert.equal(matchCommand('english'), undefined, 'a language request is no walk move');
  });

  it('a request in one\'s own words is its command; a sentence that only contains the word is not', () => {
    const asked: [string, string][] = [
      ['診断して', 'troubleshoot'], ['診断をお願いします', 'troubleshoot'], ['しんだん', 'troubleshoot'], ['原因を調べて', 'troubleshoot'],
      ['troubleshoot please', 'troubleshoot'], ['can you diagnose my connection?', 'troubleshoot'], ['英語でお願い', 'english'], ['speak english', 'english'],
      ['in Japanese please', 'japanese'], ['日本語で返信して', 'japanese'], ['もういいです', 'cancel'], ['never mind', 'cancel'], ['やっぱりいいや', 'cancel'],
      ['診断をやめてください', 'cancel'], ['最初からやり直したい', 'restart'], ['what can you do?', 'help'], ['何ができるの？', 'help'],
      ['診断を始めたい', 'troubleshoot'], ['英語で頼む', 'english'], ['終わりにします', 'cancel'], ['やめとく', 'cancel'], ['使い方を教えて', 'help'], ['can you reply in English?', 'english'],
    ];
    for (const [text, id] of asked) assert.equal(findCommand(text)?.id, id, text);
    for (const text of ['stop the flow', '診断しないで', 'how do I troubleshoot my connection', 'help me fix my flow', '英語のドキュメントはありますか', 'やめない', 'いいや', 'フローを止めて', '教えて', '最初のフローで']) {
      assert.equal(findCommand(text), undefined, text);
    }
    assert.equal(matchCommand('never mind'), 'cancel', 'the walker reads the same requests');
    assert.equal(matchCommand('いいや'), undefined, '"no" answers a step; it does not cancel');
  });
});
