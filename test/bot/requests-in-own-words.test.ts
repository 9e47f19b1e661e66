import assert from 'node:assert/strict';
import { deliveringToFakeConnector } from '../server/fake-connector-suite.js';
import { allText } from '../server/helpers.js';

/**
 * Asking the bot for something it does (a diagnosis, a language, to stop, what it is) in the
 * words people use in Teams, polite or casual, as the replies arrive at the connector.
 */
describe('requests in the user\'s own words (what Teams receives)', function () {
  const { conversation } = deliveringToFakeConnector();
  const chat = (locale: string) => {
    const { say } = conversation(locale);
    return async (text: string) => allText(await say(text));
  };

  it('asking for a diagnosis, politely or casually, starts it in either language', async () => {
    for (const [locale, text, first] of [
      ['ja-JP', '診断して', /あなたの立場/],
      ['ja-JP', '診断をお願いします', /あなたの立場/],
      ['ja-JP', 'しんだん', /あなたの立場/],
      ['ja-JP', '原因を調べてください', /あなたの立場/],
      ['en-US', 'troubleshoot please', /which describes you/],
      ['en-US', 'can you diagnose my connection?', /which describes you/],
    ] as const) {
      const reply = await chat(locale)(text);
      assert.match(reply, first, `${text}: ${reply}`);
      assert.doesNotMatch(reply, /見つかりませんでした|couldn't find/, text);
    }
  });

  it('asking for a language pins it', async () => {
    for (const [text, said, next] of [
      ['英語でお願い', /reply in English/, /You're welcome/],
      ['speak english', /reply in English/, /You're welcome/],
      ['in Japanese please', /日本語で返信/, /どういたしまして/],
    ] as const) {
      const say = chat(/[a-z]/i.test(text) ? 'en-US' : 'ja-JP');
      assert.match(await say(text), said, text);
      assert.match(await say(/english/i.test(text) || /英語/.test(text) ? 'ありがとう' : 'thanks'), next, `after ${text}`);
    }
  });

  it('"never mind", もういいです and やっぱりいいや end the walk in progress', async () => {
    for (const [locale, cancel, done] of [
      ['ja-JP', 'もういいです', /診断を取り消しました/],
      ['en-US', 'never mind', /Diagnosis cancelled/],
      ['ja-JP', 'やっぱりいいや', /診断を取り消しました/],
    ] as const) {
      const say = chat(locale);
      await say(locale === 'en-US' ? 'troubleshoot' : '診断');
      const reply = await say(cancel);
      assert.match(reply, done, `${cancel}: ${reply}`);
      assert.match(await say('1'), /進行中の診断はありません|no diagnosis in progress/, 'the walk is over');
    }
  });

  it('restart and cancel asked for in a polite mail\'s words, or in passing, do what they ask', async () => {
    for (const [locale, text, done] of [
      ['ja-JP', '大変恐れ入りますが、診断を最初からやり直していただけないでしょうか。', /最初から|あなたの立場/],
      ['ja-JP', 'お手数ですが、もう一度はじめからお願いできますでしょうか', /最初から|あなたの立場/],
      ['en-US', 'Would it be possible to start over from the beginning, please?', /start|which describes you/i],
      ['en-US', 'Could you kindly restart the diagnosis?', /start|which describes you/i],
      ['ja-JP', '申し訳ございませんが、診断はいったん中止していただけますか', /診断を取り消しました/],
      ['ja-JP', '今日はここまでで終わりにしましょうか', /診断を取り消しました/],
      ['en-US', "let's end it here", /Diagnosis cancelled/],
      ['en-US', 'I think we should stop for today', /Diagnosis cancelled/],
      ['en-US', 'maybe we can quit for now', /Diagnosis cancelled/],
    ] as const) {
      const say = chat(locale);
      await say(locale === 'en-US' ? 'troubleshoot' : '診断');
      await say('1');
      const reply = await say(text);
      assert.match(reply, done, `${text}: ${reply}`);
      assert.doesNotMatch(reply, /見つかりませんでした|couldn't find|could not match|分かりませんでした/, `${text}: ${reply}`);
    }
  });

  it('a question that names a command is still a question', async () => {
    const say = chat('ja-JP');
    await say('診断');
    const reply = await say('最初からやり直すと今までの回答はどうなりますか');
    assert.doesNotMatch(reply, /診断を取り消しました|最初からやり直します/, reply);
  });

  it('questions about the bot get the help text or an honest word on what it is, not a search answer', async () => {
    for (const [locale, text, expected] of [
      ['en-US', 'what can you do?', /What I can do/],
      ['ja-JP', '何ができるの？', /できること/],
      ['en-US', 'who made you', /I am a bot, not a person/],
      ['en-US', 'are you a human?', /I am a bot, not a person/],
      ['ja-JP', 'あなたは人間ですか？', /人ではなくボット/],
    ] as const) {
      const reply = await chat(locale)(text);
      assert.match(reply, expected, `${text}: ${reply}`);
      assert.doesNotMatch(reply, /Sources:|出典|見つかりませんでした|couldn't find/, text);
    }
  });

  it('thanks in the middle of a walk gets a short reply and the question again, not "could not match"', async () => {
    for (const [locale, start, thanks, reply, step] of [
      ['en-US', 'troubleshoot', 'thanks a lot, that was helpful', /You're welcome/, /which describes you/],
      ['ja-JP', '診断', 'ありがと〜', /どういたしまして/, /あなたの立場/],
    ] as const) {
      const say = chat(locale);
      await say(start);
      const got = await say(thanks);
      assert.match(got, reply, got);
      assert.match(got, step, 'the current question again');
      assert.doesNotMatch(got, /could not match|分かりませんでした/, got);
      assert.doesNotMatch(got, /Let's find the cause|原因を絞り込みましょう/, 'not the whole start of the walk again');
    }
  });
});
