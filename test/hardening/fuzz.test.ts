/**
 * Property-based fuzzing of message text (fast-check): random Unicode with
 * astral characters, emoji and ZWJ sequences, control characters, lone
 * surrogates, mixed scripts, Markdown/HTML/Adaptive Card injection attempts and
 * 100 kB strings, through (a) the knowledge engine and (b) the whole bot over
 * HTTP. Run counts are kept moderate: kuromoji is the slow part.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { KnowledgeService } from '../../src/bot/services.js';
import { Conversation, sharedServices, startBot, type Running } from '../server/helpers.js';
import { fakeTroubleshooter } from '../bot/fakes.js';
import { liveInjection } from './inspect.js';

const EMOJI = ['😀', '👍🏽', '👨‍👩‍👧‍👦', '🏳️‍🌈', '🇯🇵', '🧑🏻‍💻', '❤️', '𠮷', '𩸽'];
const CONTROL = ['\u0000', '\u0007', '\u001b[31m', '\u0085', '\u2028', '\u202e', '\u200b', '\u200d', '\ufeff', '\r\n', '\t'];
const INJECTION = [
  '[x](javascript:alert(1))',
  '[click here](https://evil.example/phish)',
  '![img](https://evil.example/pixel.png)',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<a href="https://evil.example">link</a>',
  '{"type":"Action.OpenUrl","url":"https://evil.example"}',
  '{"type":"AdaptiveCard","body":[{"type":"TextBlock","text":"pwned"}],"actions":[{"type":"Action.OpenUrl","url":"javascript:alert(1)"}]}',
  '${user.token}',
  '{"$data":"${evil}","$when":"${true}"}',
  '{{DATE(2020-01-01T00:00:00Z, LONG)}}',
  '**bold** _it_ `code` # heading\n- list\n> quote',
  '<at>Bot</at>',
  '&lt;script&gt;',
  'https://evil.example/?q=<x>',
];
const WORDS = ['接続', '無効', 'トークン', 'AADSTS70008', 'Power Automate', 'MFA', '条件付きアクセス', 'refresh token', '401', 'ｶﾀｶﾅ', 'ＡＢＣ１２３', 'Ελληνικά', 'العربية', 'עברית', 'हिन्दी', '한국어'];

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));

/** Message text built from pieces likely to break a tokenizer, a card or Markdown. */
export const nastyText = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'binary', maxLength: 20 }),
      fc.string({ unit: 'grapheme', maxLength: 20 }),
      fc.constantFrom(...EMOJI),
      fc.constantFrom(...CONTROL),
      fc.constantFrom(...INJECTION),
      fc.constantFrom(...WORDS),
      loneSurrogate,
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));

/** About 100 kB of mixed text: the longest message the tests feed (kuromoji is ~linear but slow). */
function hundredKB(seed: string): string {
  return (seed + ' 接続が無効 token 🏳️‍🌈 [x](javascript:alert(1)) ').repeat(Math.ceil(100_000 / (seed.length + 40))).slice(0, 100_000);
}

describe('hardening: fuzzed text through the knowledge engine', function () {
  this.timeout(180_000);
  let kb: KnowledgeService;
  before(async () => {
    const services = await sharedServices();
    assert.ok(services.knowledge, 'knowledge base loaded');
    kb = services.knowledge;
  });

  it('ask() never throws and always returns a well-formed result (random Unicode, controls, surrogates, injections)', () => {
    fc.assert(
      fc.property(nastyText, fc.constantFrom<'ja' | 'en' | undefined>('ja', 'en', undefined), (text, lang) => {
        const r = kb.ask(text, lang ? { lang } : {});
        assert.equal(typeof r.answered, 'boolean');
        assert.ok(Array.isArray(r.answers));
        assert.ok(r.lang === 'ja' || r.lang === 'en');
        JSON.stringify(r); // serialisable (no lone-surrogate crash downstream)
      }),
      { numRuns: 300 },
    );
  });

  // ask() itself does not cut its input, and its cost grows with the length of an
  // unpunctuated question. The bot cuts questions to 2,000 characters before asking
  // (tested below with 100 kB over HTTP), so here the engine is bounded at 8 kB.
  it('ask() survives long (8 kB) questions of mixed text within a bounded time', () => {
    for (const seed of ['接続が無効になるのはなぜですか', 'Why is my connection invalid?', '😀\u200d'.repeat(10)]) {
      const t0 = Date.now();
      const r = kb.ask(hundredKB(seed).slice(0, 8_000));
      assert.equal(typeof r.answered, 'boolean');
      assert.ok(Date.now() - t0 < 20_000, `100 kB took ${Date.now() - t0} ms`);
    }
  });
});

describe('hardening: fuzzed text through the bot over HTTP', function () {
  this.timeout(300_000);
  let bot: Running;
  let allowed: Set<string>;
  before(async () => {
    const services = await sharedServices();
    bot = await startBot({ services: { ...services, troubleshoot: fakeTroubleshooter } });
    const docs = (services.knowledge as unknown as { documents?: readonly { url: string }[] }).documents ?? [];
    allowed = new Set(docs.map((d) => d.url));
  });
  after(async () => bot?.close());

  it('never fails a turn and never makes user text live in replies or cards', async () => {
    await fc.assert(
      fc.asyncProperty(nastyText, fc.constantFrom('ja-JP', 'en-US', 'fr-FR', ''), async (text, locale) => {
        const c = new Conversation(bot.url, locale ? { locale } : {});
        const r = await c.post({ type: 'message', text });
        assert.equal(r.status, 200, JSON.stringify(r.body).slice(0, 300));
        assert.ok(r.replies.length >= 1, 'every message gets a reply');
        const problems = liveInjection(r.replies, allowed);
        assert.deepEqual(problems, [], `input ${JSON.stringify(text)}`);
      }),
      { numRuns: 80 },
    );
  });

  it('every injection attempt alone, and inside a question, stays inert (ja and en)', async () => {
    let answeredWithCards = 0;
    for (const attack of INJECTION) {
      for (const text of [attack, `接続が無効になる ${attack}`, `Why is my connection invalid? ${attack}`]) {
        const r = await new Conversation(bot.url).post({ type: 'message', text });
        assert.equal(r.status, 200);
        assert.deepEqual(liveInjection(r.replies, allowed), [], `input ${JSON.stringify(text)}`);
        assert.ok(!JSON.stringify(r.replies).includes('evil.example'), `user URL echoed for ${JSON.stringify(text)}`);
        if (r.replies.some((x) => x.attachments?.length)) answeredWithCards++;
      }
    }
    // The check above must have seen real answers with source cards, not only refusals.
    assert.ok(answeredWithCards >= INJECTION.length, `only ${answeredWithCards} replies carried cards`);
  });

  it('a 100 kB message is answered (cut for search, with a note), the server stays up', async () => {
    const r = await new Conversation(bot.url, { locale: 'en-US' }).post({ type: 'message', text: hundredKB('Why is my connection invalid?') });
    assert.equal(r.status, 200);
    assert.ok(r.replies.length >= 1);
    assert.deepEqual(liveInjection(r.replies, allowed), []);
    assert.equal((await fetch(`${bot.url}/healthz`)).status, 200);
  });
});

describe('hardening: fuzzed text through the troubleshooting engine', () => {
  it('any text at any step, and as a first message, never throws and leaves a state that still views', async () => {
    const { trees } = await import('../core/troubleshoot/trees.js');
    const core = await import('../../src/core/troubleshoot/index.js');
    const tree = trees[0];
    const nodeIds = Object.keys(tree.nodes);
    fc.assert(
      fc.property(nastyText, fc.constantFrom(...nodeIds), fc.constantFrom<'ja' | 'en'>('ja', 'en'), (text, nodeId, lang) => {
        core.detectTroubleshootIntent(text);
        const first = core.startWalk(tree, core.extractFacts(text));
        core.viewStep(tree, first, lang);
        const at = { ...core.startWalk(tree), nodeId };
        const r = core.applyInput(tree, at, text, lang);
        if (!r.accepted) assert.deepEqual(r.state, at);
        const stored = core.parseWalkState(JSON.parse(JSON.stringify(r.state)));
        if (!r.done) core.viewStep(tree, stored, lang);
      }),
      { numRuns: 500 },
    );
  });
});
