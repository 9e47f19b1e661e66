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
});
