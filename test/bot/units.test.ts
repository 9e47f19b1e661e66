import assert from 'node:assert/strict';
import fc from 'fast-check';
import { declineCard } from '../../src/bot/cards/answer-card.js';
import { cardPlainText, cleanText, escapeMarkdown } from '../../src/bot/text-safety.js';
import { choiceCard, outcomeCard } from '../../src/bot/cards/step-cards.js';
import { CitationList, citationEntity } from '../../src/bot/citations.js';
import { COMMANDS, findCommand } from '../../src/core/vocabulary.js';
import { answerReply } from '../../src/bot/replies.js';
import { readInput, MAX_QUESTION_CHARS } from '../../src/bot/input.js';
import { pickLang } from '../../src/bot/language/pick.js';
import { STRING_KEYS, t } from '../../src/bot/language/strings.js';
import { FeedbackLog } from '../../src/bot/feedback.js';
import { nullLogger } from '../../src/bot/services.js';
import { nullRecorder } from '../../src/core/events/index.js';
import { ConfigError, describeConfig, loadConfig } from '../../src/server/config.js';
import { japaneseOnlyInQuotes } from '../server/helpers.js';

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

describe('bot units', () => {
  it('every bot-authored string exists in both languages; English ones hold Japanese only in quotes', () => {
    for (const k of STRING_KEYS) {
      assert.ok(t('ja', k).trim(), `ja ${k}`);
      assert.ok(t('en', k).trim(), `en ${k}`);
      assert.ok(japaneseOnlyInQuotes(t('en', k)), `en ${k}: ${t('en', k)}`);
    }
    for (const c of COMMANDS) assert.ok(!JAPANESE.test(c.title.en + c.description.en), c.id);
  });

  it('understands every command title in both languages, and language requests', () => {
    for (const c of COMMANDS) {
      assert.equal(findCommand(c.title.en)?.id, c.id);
      assert.equal(findCommand(c.title.ja)?.id, c.id);
    }
    assert.equal(findCommand('English please')?.id, 'english');
    assert.equal(findCommand('in English')?.id, 'english');
    assert.equal(findCommand('英語で')?.id, 'english');
    assert.equal(findCommand('日本語で')?.id, 'japanese');
    assert.equal(findCommand('ＨＥＬＰ！')?.id, 'help');
    assert.equal(findCommand('help me fix my flow'), undefined);
  });

  it('picks the language per message: pinned, then script, then locale', () => {
    assert.equal(pickLang('接続が無効', 'en-US'), 'ja');
    assert.equal(pickLang('invalid connection', 'ja-JP'), 'en');
    assert.equal(pickLang('401 ???', 'en-US'), 'en');
    assert.equal(pickLang('401', 'ja-JP'), 'ja');
    assert.equal(pickLang('401', undefined), 'ja');
    assert.equal(pickLang('接続', 'ja-JP', 'en'), 'en');
  });

  it('citation entity respects Teams limits (name ≤ 80, abstract ≤ 160) and numbers repeats once', () => {
    const long = { docId: 'd', title: 'T'.repeat(300), url: 'https://x.example/a', section: '', quote: 'q'.repeat(1000), passage: '' };
    const list = new CitationList();
    assert.equal(list.add([long, long, { ...long, quote: 'other' }]), '[1][2]');
    const e = citationEntity(list.items) as { citation: { appearance: { name: string; abstract: string } }[] };
    assert.ok(e.citation.every((c) => c.appearance.name.length <= 80 && c.appearance.abstract.length <= 160));
  });

  it('feedback comments are parsed from Teams JSON strings; forged payloads are ignored', () => {
    const log = new FeedbackLog(nullRecorder, nullLogger);
    assert.equal(log.parse({ value: { actionName: 'other' } }), undefined);
    assert.equal(log.parse({ value: 'x' } as never), undefined);
    const rec = log.parse({ conversation: { id: 'c' } as never, value: { actionName: 'feedback', actionValue: { reaction: 'evil', feedback: 42 } } });
    assert.equal(rec?.reaction, null);
    assert.equal(rec?.comment, undefined);
  });

  it('config: local mode listens on 127.0.0.1, an app id on 0.0.0.0; SingleTenant needs a tenant; secrets never described', () => {
    assert.equal(loadConfig({}).host, '127.0.0.1');
    assert.equal(loadConfig({}).authEnabled, false);
    const c = loadConfig({ MicrosoftAppId: 'id', MicrosoftAppPassword: 'pw-secret', AZURE_STORAGE_CONNECTION_STRING: 'AccountKey=secret' });
    assert.equal(c.host, '0.0.0.0');
    assert.equal(loadConfig({ MicrosoftAppId: 'id', HOST: '127.0.0.1' }).host, '127.0.0.1');
    assert.throws(() => loadConfig({ MicrosoftAppId: 'id', MicrosoftAppType: 'SingleTenant' }), ConfigError);
    assert.throws(() => loadConfig({ PORT: 'abc' }), ConfigError);
    assert.equal(loadConfig({}).answerCacheSize, 2000);
    assert.equal(loadConfig({ ANSWER_CACHE_SIZE: '0' }).answerCacheSize, 0);
    assert.throws(() => loadConfig({ ANSWER_CACHE_SIZE: '-1' }), /ANSWER_CACHE_SIZE/);
    assert.ok(!JSON.stringify(describeConfig(c)).includes('secret'));
  });

  it('fuzz: reading any activity value never throws, and text is capped', () => {
    fc.assert(
      fc.property(fc.anything(), fc.oneof(fc.string(), fc.constant(undefined)), (value, text) => {
        const input = readInput({ type: 'message', text, value, recipient: { id: 'b', name: 'b' } } as never);
        assert.ok(Array.from(input.text).length <= MAX_QUESTION_CHARS);
      }),
      { numRuns: 300 },
    );
    const huge = readInput({ text: '😀'.repeat(100_000) } as never);
    assert.equal(Array.from(huge.text).length, MAX_QUESTION_CHARS);
    assert.ok(huge.truncatedFrom! > MAX_QUESTION_CHARS);
  });

  it('fuzz: cards built from arbitrary text never throw, serialise, and keep text out of Markdown and card functions', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ maxLength: 50 }), (s, id) => {
        const c = { docId: 'd', title: s, url: s, section: '', quote: s, passage: s };
        const list = new CitationList();
        list.add([c]);
        const made = [
          answerReply({ id: 'a', kind: 'passage', text: s, score: 1, citations: [c] }, 'en', s),
          declineCard('ja', [s, s], s),
          choiceCard({ kind: 'question', text: s, help: s, options: [{ id, label: s, number: 1 }] }, 'en', s),
          outcomeCard({ kind: 'outcome', verdict: s, steps: [s], citations: [c], notes: [{ text: s, citations: [] }], summary: s, solvedOptions: [] }, list.items, [''], 'ja'),
        ];
        for (const card of made) {
          const json = JSON.stringify(card);
          JSON.parse(json);
          // Every TextRun is free of card date/time functions.
          const runs = json.match(/"type":"TextRun","text":"(?:[^"\\]|\\.)*"/g) ?? [];
          for (const r of runs) assert.ok(!r.includes('{{'), r);
          // Non-https "URLs" never become buttons.
          if (!/^https:\/\/\S+$/i.test(s)) assert.ok(!json.includes('"type":"Action.OpenUrl"'));
        }
        assert.ok(!escapeMarkdown(s).match(/(?<!\\)[[\]()<>]/));
        assert.ok(!cardPlainText(s).includes('{{'));
        assert.ok(!/[\u0000-\u0008\u000b-\u001f]/.test(cleanText(s)));
      }),
      { numRuns: 200 },
    );
  });
});
