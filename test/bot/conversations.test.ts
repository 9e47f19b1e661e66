import assert from 'node:assert/strict';
import { deliveringToFakeConnector } from '../server/fake-connector-suite.js';
import { allText, cards, japaneseOnlyInQuotes, pickValue, stepOptions } from '../server/helpers.js';

/**
 * Whole conversations as a new user has them in Teams: replies as they arrive at the
 * connector, answers typed in the user's own words (phrasings written for these tests).
 */
describe('conversations in the user\'s own words (what Teams receives)', function () {
  const { conversation: deliver } = deliveringToFakeConnector();
  const conversation = (locale: string) => {
    const { say } = deliver(locale);
    return async (text: string): Promise<string> => allText(await say(text));
  };

  it('a Japanese report in casual words reaches its outcome without a "not understood"', async () => {
    const say = conversation('ja-JP');
    assert.match(await say('朝からフローの接続がぷっつり切れてる'), /あなたの立場/, 'a report starts the diagnosis');
    assert.match(await say('フローを使ってるだけの一般社員です'), /どのエラー/);
    assert.match(await say('エラーコードとかは特に出てないかな'), /次のどれかがありましたか/);
    const outcome = await say('しばらく放置してたフローなんです');
    assert.match(outcome, /90 日以上/);
    assert.match(await say('うん、直りました'), /解決してよかった/);
  });

  it('an English admin typing fast, with typos, is walked and understood', async () => {
    const say = conversation('en-US');
    const first = await say('flow conection dissconnected again since this am');
    assert.match(first, /which describes you/, first);
    assert.match(await say("i'm on the IT team"), /Which error/);
    assert.match(await say("can't see any code tbh"), /Did any of these happen/);
    const reset = await say('IT reset her pw on monday');
    assert.match(reset, /admin reset the password|reset the password/i, reset);
    assert.ok(japaneseOnlyInQuotes(reset), reset);
  });

  it('what was said before the question that needs it is used, not asked again', async () => {
    const say = conversation('en-US');
    await say('my connection shows invalid');
    const noted = await say('fwiw the run history says AADSTS50105');
    assert.match(noted, /AADSTS50105|not assigned/, 'an error code said mid-walk leads to its outcome');
    assert.doesNotMatch(noted, /could not match/);
  });

  it('a report of one\'s own failure asked as a yes/no question gets no "Yes." / 「いいえ。」 written for a general question, and the diagnosis offered', async () => {
    for (const [locale, text, offer] of [
      ['en-US', 'our approval flow died overnight, is the connection gone?', /troubleshoot/],
      ['ja-JP', '経費精算のフローが昨日から止まってる、接続が期限切れになった？', /診断/],
    ] as const) {
      const replies = await deliver(locale).say(text);
      const first = allText(replies.slice(0, 1));
      assert.ok(first.length > 20, `${text}: ${first}`);
      assert.doesNotMatch(first, /^(?:Yes|No)[.,]|^(?:はい|いいえ)[。、]/, `${text}: ${first}`);
      assert.match(allText(replies), offer, text);
    }
  });

  it('"OK", 👍 and 了解 are small talk outside a walk, and 👍 answers "did this solve it?" inside one', async () => {
    const ok = conversation('ja-JP');
    const reply = await ok('了解です');
    assert.match(reply, /承知しました/);
    assert.doesNotMatch(reply, /見つかりませんでした/);
    const say = conversation('ja-JP');
    await say('フローが AADSTS70008 で失敗します');
    assert.match(await say('👍'), /解決してよかった/);
  });

  it('thanks at "did this solve it?" is read as solved and closes the walk politely; thanks with "but still" is not', async () => {
    const ja = conversation('ja-JP');
    await ja('AADSTS70008 でフローが止まってます');
    const thanked = await ja('ありがとうございます、助かりました！');
    assert.match(thanked, /解決してよかった/, thanked);
    assert.doesNotMatch(thanked, /診断は途中/);
    assert.match(await ja('1'), /進行中の診断はありません/, 'the walk is closed');
    const en = conversation('en-US');
    await en('flow keeps failing with AADSTS70008');
    const done = await en('thank you so much!');
    assert.match(done, /glad it's fixed/, done);
    assert.doesNotMatch(done, /paused/);
    const later = conversation('ja-JP');
    await later('AADSTS70008 でフローが止まってます');
    const trying = await later('ありがとうございます、さっそくやってみます');
    assert.match(trying, /試したら、解決したかどうか/, trying);
    assert.doesNotMatch(trying, /解決してよかった|分かりませんでした|手順:/, 'not solved yet, and the outcome is not sent again');
    assert.match(await later('再接続したら直りました'), /解決してよかった/);
    const still = conversation('en-US');
    await still('flow keeps failing with AADSTS70008');
    assert.doesNotMatch(await still('thanks, but it still fails'), /glad it's fixed/);
  });

  it('a correction after the outcome is shown goes back: to the new answer\'s outcome, or to the question asked again', async () => {
    const ja = conversation('ja-JP');
    await ja('接続が切れてフローが止まりました');
    await ja('現場の担当者です');
    await ja('401 が出ています');
    const changed = await ja('ごめんなさい、403でした');
    assert.match(changed, /前の回答を変更/, changed);
    assert.match(changed, /アクセス許可がない/);
    assert.doesNotMatch(changed, /分かりませんでした/);
    const en = conversation('en-US');
    await en('my flow connection is broken');
    await en('end user');
    await en('no code at all');
    assert.match(await en('that flow was untouched for about 5 months'), /90 days/);
    const back = await en('oh wait, actually it was more like 2 weeks');
    assert.match(back, /taken that answer back[\s\S]*Did any of these happen/, back);
  });

  it('a screenshot alone, a lone "?" and a number past the options each get a clear word and the step again', async () => {
    const { send, say } = deliver('en-US');
    await say('my flow connection is broken');
    await say('end user');
    const shot = allText(await send({ type: 'message', attachments: [{ contentType: 'image/png', contentUrl: 'https://example.invalid/err.png', name: 'err.png' }] }));
    assert.match(shot, /can't read attachments[\s\S]*Which error/, shot);
    const lost = allText(await say('??'));
    assert.match(lost, /Please type[\s\S]*Which error/, lost);
    assert.doesNotMatch(lost, /couldn't find an answer/);
    const seven = allText(await say('9'));
    assert.match(seven, /no option 9[\s\S]*1 to 6[\s\S]*Which error/, seven);
    const withWords = allText(await send({ type: 'message', text: 'no code in the screenshot', attachments: [{ contentType: 'image/jpeg', contentUrl: 'https://example.invalid/b.jpg' }] }));
    assert.match(withWords, /can't read attachments[\s\S]*Did any of these happen/, 'the words are read, the file is said to be unread');
  });

  it('lost mid-walk, or asking what the documents do not cover: a short word and the step again, not the no-answer card', async () => {
    const { say } = deliver('en-US');
    await say('all my flow connections died overnight');
    const lost = allText(await say('um, what do you mean?'));
    assert.match(lost, /put it another way[\s\S]*which describes you/, lost);
    const offTopic = allText(await say('what is the capital of Peru?'));
    assert.match(offTopic, /couldn't find an answer to that[\s\S]*which describes you/, offTopic);
    assert.doesNotMatch(offTopic, /Did you mean|Try other words/);
    const ja = deliver('ja-JP').say;
    await ja('フローの接続がまた切れてる');
    assert.match(allText(await ja('え、どういう意味ですか？')), /分かりにくくてすみません[\s\S]*あなたの立場/);
  });

  it('at an outcome, a message that answers nothing gets "did this solve it?" again, not the whole outcome; its buttons work', async () => {
    const { send, say } = deliver('en-US');
    await say('flows fail with AADSTS70008 since this morning');
    const again = await say('7');
    const card = cards(again).at(-1)!;
    assert.match(allText(again), /no option 7[\s\S]*Did this solve it\?/, allText(again));
    assert.equal((card.body ?? []).some((el: any) => el.id === 'summary'), false, 'not the outcome again');
    assert.deepEqual(stepOptions(card).map((o) => o.id), ['solved', 'not-solved']);
    const hmm = await say('hmm');
    assert.equal(cards(hmm).length, 1);
    assert.equal((cards(hmm)[0].body ?? []).some((el: any) => el.id === 'summary'), false, 'a bare "hmm" gets the question, not the outcome again');
    assert.match(allText(await send({ type: 'message', value: pickValue(card, 'solved') })), /glad it's fixed/);
  });

  it('a question in the middle of a walk is answered and the walk waits; a word in an article does not pull the user out', async () => {
    const say = conversation('ja-JP');
    await say('接続が急に無効になった');
    await say('2');
    const code = await say('コードは出てないです');
    assert.match(code, /次のどれかがありましたか/, 'コード is an answer here, not a search for device code flow');
    const asked = await say('アクセストークンの有効期限はどれくらいですか?');
    assert.match(asked, /診断は途中のまま/);
    assert.match(await say('特に心当たりはございません'), /問題の起こり方/);
  });

  it('a problem asked about as a question is answered with the diagnosis offered; asking what to do about it starts one', async () => {
    const say = conversation('en-US');
    const asked = await say('all my flows failed overnight, is the connection expired?');
    assert.match(asked, /\[1\][\s\S]*say "troubleshoot"/, asked);
    assert.doesNotMatch(asked, /which describes you/);
    assert.match(await conversation('en-US')('what should I do, my connection is invalid'), /which describes you/);
  });

  it('an English message quoting a Japanese error sentence is answered in English', async () => {
    const say = conversation('ja-JP');
    await say('my flow connection is broken');
    const reply = await say('the error says 非アクティブのため更新トークンの有効期限が切れています, what now');
    assert.ok(japaneseOnlyInQuotes(reply), reply);
    assert.match(reply, /Noted[\s\S]*which describes you/, 'kept for the error question, the role asked first');
    const outcome = await say('end user');
    assert.match(outcome, /90 days/, 'the error question is answered by what was said');
    assert.ok(japaneseOnlyInQuotes(outcome), outcome);
  });
});
