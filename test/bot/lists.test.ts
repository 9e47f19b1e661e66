import assert from 'node:assert/strict';
import { answerReply, asMarkdownBlocks } from '../../src/bot/replies.js';
import { deliveringToFakeConnector } from '../server/fake-connector-suite.js';

const citation = { docId: 'd', title: 'Page', url: 'https://example.com/p', section: '', quote: 'q', passage: 'p' };

describe('bot: lists in answers read as lists', function () {
  it('each line of a text is its own paragraph, list items a Markdown list set off from the text around it', () => {
    assert.equal(asMarkdownBlocks('Three things break it:\n- one\n- two\n- three\nNothing else does.'), 'Three things break it:\n\n- one\n- two\n- three\n\nNothing else does.');
    assert.equal(asMarkdownBlocks('確認する項目:\n・ 接続の状態\n・実行履歴\n最後の行'), '確認する項目:\n\n- 接続の状態\n- 実行履歴\n\n最後の行');
    assert.equal(asMarkdownBlocks('Steps:\n1) open the page\n2) press the button'), 'Steps:\n\n1. open the page\n2. press the button');
    assert.equal(asMarkdownBlocks('first line\nsecond line'), 'first line\n\nsecond line');
    // Not list items: a negative number, a decimal, emphasis.
    assert.equal(asMarkdownBlocks('-3 days\n1.5 hours\n*really*'), '-3 days\n\n1.5 hours\n\n*really*');
  });

  it('the [n] markers of a text ending in a list go after the paragraph leading into its first list, where Teams renders them as citations', () => {
    const reply = (text: string) => answerReply({ id: 'x', kind: 'curated', text, score: 1, citations: [citation] }, 'en').text;
    assert.equal(reply('These apply:\n- a\n- b'), 'These apply: [1]\n\n- a\n- b');
    assert.equal(reply('- a\n- b'), '- a\n- b\n\n[1]');
    assert.equal(reply('Before:\n- a\nAfter the list.'), 'Before:\n\n- a\n\nAfter the list. [1]');
    assert.equal(reply('Title\nThese apply:\n- a\nBut not:\n- b'), 'Title\n\nThese apply: [1]\n\n- a\n\nBut not:\n\n- b');
  });

  describe('as the connector receives it', function () {
    const { conversation } = deliveringToFakeConnector();

    it('the overview of causes arrives as two lists, in English and in Japanese, the markers in the lead paragraph', async () => {
      for (const [locale, question] of [
        ['en-US', 'Why would a Power Automate connection end up invalid?'],
        ['ja-JP', '接続が無効になる原因を一覧で教えて'],
      ] as const) {
        const [answer] = await conversation(locale).say(question);
        const text = answer.text ?? '';
        const items = text.split('\n').filter((l) => l.startsWith('- '));
        assert.ok(items.length >= 10, `${locale}: ${text}`);
        const blocks = text.split('\n\n');
        assert.equal(blocks.filter((b) => b.startsWith('- ')).length, 2, text);
        assert.match(blocks[0], /\[1\]/, 'markers in the lead paragraph');
        for (const item of items) assert.doesNotMatch(item, /\[\d+\]/, 'no marker inside a list item');
      }
    });
  });
});
