import assert from 'node:assert/strict';
import { questionEvent, questionHash, redactEvent, redactText, walkEvent } from '../../../src/core/events/index.js';
import { applyInput, startWalk } from '../../../src/core/troubleshoot/index.js';
import { trees } from '../troubleshoot/trees.js';

describe('event redaction', () => {
  it('replaces e-mail addresses, UPNs, GUIDs, object ids and token-like strings', () => {
    const text =
      'taro.yamada@contoso.co.jp の接続 (オブジェクト ID 3f2b8c1e-9d4a-4e7b-8c2d-1a2b3c4d5e6f, 0123456789abcdef0123) ' +
      'token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dBjftJeZ4CVPmB92K27uhbUJU1p1r_wW1gFWFOEjXk ' +
      'Bearer abc.def-ghi_jkl key sv=2024 sig=AbCdEf1234567890GhIjKlMnOp';
    const out = redactText(text);
    for (const secret of ['taro.yamada', 'contoso.co.jp', '3f2b8c1e', '0123456789abcdef', 'eyJhbGci', 'abc.def-ghi', 'AbCdEf1234567890']) {
      assert.ok(!out.includes(secret), `${secret} survived: ${out}`);
    }
    assert.match(out, /\[email\] の接続/);
    assert.match(out, /\[guid\]/);
    assert.match(out, /\[token\]/);
  });

  it('keeps ordinary words, error codes and Japanese text', () => {
    const text = 'AADSTS70008 で接続が無効になりました。refresh token lifetime は何日? Power Automate';
    assert.equal(redactText(text), text);
  });

  it('drops question and comment text entirely when text is turned off, keeping the hash', () => {
    const q = questionEvent('hanako@example.com の接続が無効', { question: '', lang: 'ja', answered: false, answers: [], suggestions: ['接続が無効になる原因'] });
    const off = redactEvent(q, { keepText: false });
    assert.equal(JSON.stringify(off).includes('hanako'), false);
    assert.equal('text' in off, false);
    assert.equal(off.kind === 'question' && off.hash, q.hash);
    const on = redactEvent(q, { keepText: true });
    assert.equal(on.kind === 'question' && on.text, '[email] の接続が無効');
    const fb = redactEvent({ kind: 'feedback', time: q.time, reaction: 'dislike', answerId: 'x', comment: 'mail me at a@b.com' }, { keepText: false });
    assert.equal('comment' in fb, false);
  });

  it('hashes repeats of a question alike (width, case, spaces) and different questions apart', () => {
    assert.equal(questionHash('ＭＦＡ  とは'), questionHash('mfa とは'));
    assert.notEqual(questionHash('MFA とは'), questionHash('CA とは'));
  });

  it('classifies a weak best answer as low confidence and an answered question without its text', () => {
    const answer = (score: number) => ({ id: 'e', kind: 'curated' as const, text: 't', score, citations: [] });
    const weak = questionEvent('天気は', { question: '', lang: 'ja', answered: true, answers: [answer(1)] });
    assert.equal(weak.outcome, 'low-confidence');
    assert.equal(weak.text, '天気は');
    const strong = questionEvent('MFA とは', { question: '', lang: 'ja', answered: true, answers: [answer(200)] });
    assert.equal(strong.outcome, 'answered');
    assert.equal(strong.text, undefined);
    assert.equal(strong.answerId, 'e');
  });
});

describe('walk events', () => {
  const tree = trees.find((t) => t.id === 'invalid-connection')!;

  it('an event names the branch where the walk stood, with the outcome the caller read from the move', () => {
    const start = startWalk(tree, { text: 'AADSTS70008 で失敗する', codes: ['AADSTS70008'] });
    const e = walkEvent(start, 'solved');
    assert.deepEqual([e?.kind, e?.outcome, e?.tree, e?.node, e?.trail], ['walk', 'solved', 'invalid-connection', start.nodeId, start.trail]);
    const answered = applyInput(tree, startWalk(tree), '1', 'ja');
    assert.equal(walkEvent(answered.state, 'abandoned')?.node, answered.state.nodeId);
    assert.equal(walkEvent({ nonsense: true }, 'abandoned'), undefined);
  });

  it('the walker says whether a move solved the branch: the answers to "did this solve it?" and "it\'s fixed" at a question, nothing for other steps', () => {
    const atOutcome = startWalk(tree, { text: 'AADSTS70008 で失敗する', codes: ['AADSTS70008'] });
    assert.equal(applyInput(tree, atOutcome, '1', 'ja').solved, true);
    const no = applyInput(tree, atOutcome, '2', 'ja');
    assert.deepEqual([no.solved, no.done], [false, false], 'not solved, and the next branch follows');
    const fixed = applyInput(tree, startWalk(tree), 'あ、サインインし直したら直りました', 'ja');
    assert.deepEqual([fixed.solved, fixed.done], [true, true]);
    assert.equal(applyInput(tree, startWalk(tree), '1', 'ja').solved, undefined);
  });
});
