import type { Lang } from '../../content/types.js';

/**
 * Every string the bot itself writes, in both languages. Keeping them in one
 * table makes "every bot-authored string exists in ja and en" checkable by a test
 * and keeps Japanese out of English replies (sources are quoted separately).
 */
const STRINGS = {
  welcomeTitle: {
    en: 'Power Automate connection helper',
    ja: 'Power Automate 接続ヘルパー',
  },
  welcomeBody: {
    en: 'I answer questions about "invalid connection" problems in Power Automate flows, quoting Microsoft documentation, and I can walk you through a diagnosis step by step. Ask in English or Japanese.',
    ja: 'Power Automate のフローで起きる「無効な接続」の問題について、Microsoft のドキュメントを引用しながらお答えします。質問に答えながら原因を絞り込む診断もできます。日本語でも英語でも質問できます。',
  },
  welcomeExamplesTitle: { en: 'Try asking', ja: '質問の例' },
  /** Short titles of the welcome examples, one a line, for the manifest's prompt starters. */
  welcomeExampleTitles: {
    en: 'Why a connection is invalid\nHow long an unused one lasts\nFix a 401 error',
    ja: '接続が無効になる理由\n使わない接続の期限\n401 エラーの直し方',
  },
  welcomeExamples: {
    en: 'Why does my flow say the connection is invalid?\nHow long can a connection stay unused?\nHow do I fix a 401 error in a flow?',
    ja: 'フローの接続が無効と表示されるのはなぜ？\n接続は使わないとどのくらいで切れる？\nフローで 401 エラーが出たときの直し方は？',
  },
  helpTitle: { en: 'What I can do', ja: 'できること' },
  helpBody: {
    en: 'Ask a question in your own words, or use one of these commands:',
    ja: '自由に質問するか、次のコマンドを使ってください。',
  },
  helpLanguage: {
    en: 'I reply in the language you write in. Say "English please", or “日本語で” for Japanese, to pin a language.',
    ja: '書かれた言語で返信します。「English please」や「日本語で」で返信言語を固定できます。',
  },
  buttonTroubleshoot: { en: 'Start diagnosis', ja: '診断を始める' },
  buttonRestart: { en: 'Start over', ja: '最初からやり直す' },
  buttonBack: { en: 'Back', ja: '戻る' },
  /** Said in the newly pinned language. */
  langPinned: { en: "OK, I'll reply in English from now on.", ja: '了解しました。これから日本語で返信します。' },
  /** Asked whether the bot speaks a language: it does, and pins nothing. */
  languagesSpoken: {
    en: 'Yes: I speak English and Japanese, and reply in the language you write in. To always get one of them, say "English please", or “日本語で” for Japanese.',
    ja: 'はい、日本語と英語で話せます。書かれた言語で返信します。いつも同じ言語で返信してほしいときは「日本語で」か「English please」と送ってください。',
  },
  answerSourcesTitle: { en: 'Sources', ja: '出典' },
  answerNotesTitle: { en: 'Note', ja: '注意' },
  quoteGist: { en: 'In English, in short: {gist}', ja: '要旨: {gist}' },
  quoteTopics: { en: 'A Japanese source about {topics}.', ja: '{topics} についての日本語の出典です。' },
  quoteJapaneseOnly: { en: 'A Japanese source, with no English version.', ja: '日本語の出典です。' },
  declineTitle: { en: "I couldn't find an answer", ja: '回答が見つかりませんでした' },
  declineBody: {
    en: "The documentation I have doesn't cover this. Try other words, ask about Power Automate connections, or start a diagnosis.",
    ja: '手元のドキュメントには該当する情報が見つかりませんでした。言い換えるか、Power Automate の接続について質問するか、診断を始めてください。',
  },
  declineSuggestions: { en: 'Did you mean:', ja: 'こちらの質問ですか？' },
  truncatedNote: {
    en: "Your message was very long, so I searched only its first {n} characters.",
    ja: 'メッセージが長いため、先頭の {n} 文字だけで検索しました。',
  },
  emptyMessage: {
    en: 'Please type a question, or say "help".',
    ja: '質問を入力するか、「ヘルプ」と送ってください。',
  },
  notReady: {
    en: "I'm still starting up. Please try again in a few seconds.",
    ja: '起動中です。数秒後にもう一度お試しください。',
  },
  storageUnavailable: {
    en: "Sorry, I can't reach my conversation storage right now, so nothing has changed. Please try again in a moment.",
    ja: '申し訳ありません。会話の保存先に一時的に接続できないため、何も変更していません。少し待ってからもう一度お試しください。',
  },
  storageConflict: {
    en: 'Two messages arrived at the same time and I could only handle one. Please send your last message again.',
    ja: '同時に複数のメッセージを受け取ったため処理できませんでした。最後のメッセージをもう一度送ってください。',
  },
  turnError: {
    en: 'Sorry, something went wrong on my side. Please try again.',
    ja: '申し訳ありません。内部でエラーが発生しました。もう一度お試しください。',
  },
  walkStartedNote: {
    en: "Let's find the cause. Answer each question with a button, its number or your own words. Say \"back\" to change your last answer, \"restart\" to start over, or \"cancel\" to stop.",
    ja: '原因を絞り込みましょう。ボタン、番号、または自分の言葉で答えてください。「戻る」で前の質問へ、「やり直し」で最初から、「キャンセル」で中止できます。',
  },
  walkJumpedNote: {
    en: 'Your message already says enough to point to a likely cause. Say "back" to answer the questions yourself instead.',
    ja: 'メッセージの内容から、考えられる原因を絞り込みました。質問に答えて診断し直すには「戻る」と送ってください。',
  },
  walkRestartedNote: {
    en: 'Starting the diagnosis over from the first question.',
    ja: '診断を最初の質問からやり直します。',
  },
  walkUnavailable: {
    en: "The guided diagnosis isn't available right now. You can still ask questions.",
    ja: '現在、診断は利用できません。質問は引き続きできます。',
  },
  walkCancelled: {
    en: 'Diagnosis cancelled. Ask a question or say "troubleshoot" to start again.',
    ja: '診断を取り消しました。質問するか「診断」と送ると最初から始めます。',
  },
  walkNothingToCancel: {
    en: "There's no diagnosis in progress. Ask a question or say \"troubleshoot\".",
    ja: '進行中の診断はありません。質問するか「診断」と送ってください。',
  },
  walkResumeHint: {
    en: 'Your diagnosis is paused at the question above. Answer it to continue, or say "restart".',
    ja: '診断は途中のまま保存されています。続けるには前の質問に答えてください。「やり直し」で最初からやり直せます。',
  },
  walkReplyWithNumber: {
    en: 'Reply with the number of an option.',
    ja: '選択肢の番号で返信してください。',
  },
  walkNotUnderstood: {
    en: 'I could not match that to one of the options. Pick one, or ask a question if you want to know something first.',
    ja: 'どの選択肢にあたるか分かりませんでした。選択肢から選ぶか、先に知りたいことがあれば質問してください。',
  },
  walkNoted: {
    en: "Noted, I'll use that when we get there. First, this question:",
    ja: '承知しました。その内容は後の質問で使います。まずはこちらの質問にお答えください。',
  },
  walkAnswerChanged: {
    en: 'OK, I changed that earlier answer and went on from there.',
    ja: '承知しました。前の回答を変更して、そこから続けます。',
  },
  walkSkippedAnswered: {
    en: "Thanks, that answers a question I had skipped; I've gone on from there.",
    ja: 'ありがとうございます。省いていた質問の答えとして受け取り、そこから続けます。',
  },
  walkAnswerTakenBack: {
    en: "OK, I've taken that answer back. Please answer this question again:",
    ja: '承知しました。その回答は取り消しました。こちらの質問にもう一度お答えください。',
  },
  walkNoSuchOption: {
    en: "There's no option {n} here. Reply with a number from 1 to {max}, or press a button.",
    ja: '{n} 番の選択肢はありません。1~{max} の番号で返信するか、ボタンを押してください。',
  },
  attachmentsNotRead: {
    en: "I can't read attachments or images. Please type the error message or code you see (for example AADSTS70008 or 401).",
    ja: '添付ファイルや画像の内容は読み取れません。表示されているエラー メッセージやコード (例: AADSTS70008、401) を文字で送ってください。',
  },
  walkRuledOut: {
    en: 'OK, not that one. Is it one of the others?',
    ja: '承知しました。それ以外で当てはまるものはありますか?',
  },
  walkOtherNamed: {
    en: 'You also mentioned something else that can cause this, so let\'s look at that next.',
    ja: 'ほかにも原因になり得ることを挙げていただいていたので、次はそちらを確認します。',
  },
  walkTookAnswer: {
    en: 'Your message also answers the diagnosis question, so I went on. Say "back" to change that answer.',
    ja: 'メッセージは診断の質問への回答にもなっていたので、次へ進みました。その回答を変えるには「戻る」と送ってください。',
  },
  walkAlreadyKnown: {
    en: 'Yes, I have that already. Now this question:',
    ja: 'はい、その内容は伺っています。続いてこちらの質問です。',
  },
  smallTalkAck: {
    en: 'OK. Ask me anything about Power Automate connections, or say "troubleshoot" to start a diagnosis.',
    ja: '承知しました。Power Automate の接続について何でも質問するか、「診断」と送って診断を始めてください。',
  },
  offerDiagnosis: {
    en: 'If this is happening to your flows now, say "troubleshoot" and I will walk you through a diagnosis.',
    ja: '今まさにフローで起きている場合は、「診断」と送ってください。原因を順に絞り込みます。',
  },
  walkInvalidChoice: {
    en: "I didn't recognise that choice. Please pick one of the options.",
    ja: 'その選択肢はわかりませんでした。選択肢から選んでください。',
  },
  outcomeSteps: { en: 'Steps', ja: '手順' },
  outcomeSummary: { en: 'Summary to copy', ja: 'コピー用のまとめ' },
  outcomeSolved: { en: 'Did this solve it?', ja: '解決しましたか？' },
  thanksSolved: { en: "Great, glad it's fixed.", ja: '解決してよかったです。' },
  notSolved: {
    en: "Sorry it's not fixed yet. Send the summary above to your IT admin, say \"restart\" to go through the diagnosis again, or ask me about what you see.",
    ja: 'まだ解決していないとのこと、申し訳ありません。上のまとめを IT 管理者に送るか、「やり直し」で診断をやり直すか、表示されている内容について質問してください。',
  },
  welcomeTyping: {
    en: 'No buttons? Just type your question, "troubleshoot" to start a diagnosis, or "help".',
    ja: 'ボタンが表示されない場合は、質問をそのまま入力するか、「診断」で診断を開始、「ヘルプ」で使い方を表示できます。',
  },
  buttonAnswer: { en: 'Answer', ja: '回答する' },
  buttonAsk: { en: 'Ask this', ja: 'この質問をする' },
  declineChooseOne: { en: 'Pick a question, then press "Ask this".', ja: '質問を 1 つ選んで「この質問をする」を押してください。' },
  walkChooseOne: { en: 'Pick one option, then press "Answer".', ja: '選択肢を 1 つ選んで「回答する」を押してください。' },
  walkStaleButton: {
    en: "That button belongs to an earlier step, so I haven't changed anything. Here's where we are now:",
    ja: 'そのボタンは前の手順のものなので、診断はそのままにしています。現在の質問はこちらです。',
  },
  walkStaleButtonBack: {
    en: 'That button belongs to an earlier step, so I haven\'t changed anything. To change the answer you gave there, say "back", or type the new answer starting with "actually". Here\'s where we are now:',
    ja: 'そのボタンは前の質問のものなので、診断はそのままにしています。その回答を変えるには「戻る」と送るか、「やっぱり」に続けて新しい回答を送ってください。現在の質問はこちらです。',
  },
  walkStaleButtonBacks: {
    en: 'That button belongs to an earlier step, so I haven\'t changed anything. To change the answer you gave there, say "back" {n} times, or type the new answer starting with "actually". Here\'s where we are now:',
    ja: 'そのボタンは {n} つ前の質問のものなので、診断はそのままにしています。その回答を変えるには「戻る」を {n} 回送るか、「やっぱり」に続けて新しい回答を送ってください。現在の質問はこちらです。',
  },
  walkStaleButtonNoWalk: {
    en: "That button belongs to a diagnosis that has ended. Say \"troubleshoot\" to start a new one.",
    ja: 'そのボタンは終了した診断のものです。新しく始めるには「診断」と送ってください。',
  },
  smallTalkGreeting: {
    en: "Hi! Ask me about Power Automate connection problems, or say \"troubleshoot\" to start a diagnosis.",
    ja: 'こんにちは。Power Automate の接続の問題について質問するか、「診断」と送って診断を始めてください。',
  },
  smallTalkFun: {
    en: "Jokes aren't my strong point, I'm afraid. Connections are: ask me why a Power Automate connection broke, or say \"troubleshoot\" to find the cause.",
    ja: 'ごめんなさい、冗談は得意ではありません。得意なのは接続のことです。Power Automate の接続が切れた理由を聞くか、「診断」と送って原因を調べてください。',
  },
  smallTalkThanks: {
    en: "You're welcome! Ask again any time.",
    ja: 'どういたしまして。また何かあればお気軽にどうぞ。',
  },
  smallTalkFarewell: {
    en: 'Bye! Come back any time a connection acts up.',
    ja: 'ありがとうございました。接続でお困りのときは、またいつでもどうぞ。',
  },
  smallTalkPreface: {
    en: "Sure, go ahead. Ask me anything about Power Automate connections, or describe what's going wrong and I'll help you find the cause.",
    ja: 'はい、どうぞ。Power Automate の接続について何でも質問してください。起きている症状を書いていただければ、原因の診断もできます。',
  },
  smallTalkComplaint: {
    en: 'Sorry that did not help. Try asking in other words, or say "troubleshoot" and I will walk you through a diagnosis step by step.',
    ja: 'お役に立てず申し訳ありません。言い換えて質問するか、「診断」と送ってください。質問に答えながら原因を絞り込みます。',
  },
  smallTalkTrying: {
    en: 'Good luck! Let me know how it goes.',
    ja: 'ぜひお試しください。うまくいかなければ、いつでも聞いてください。',
  },
  walkTrying: {
    en: 'Good luck! When you have tried it, tell me whether it solved it ("yes" or "no") and I will go on from there.',
    ja: 'ぜひお試しください。試したら、解決したかどうかを「はい」か「いいえ」で教えてください。そこから続けます。',
  },
  smallTalkConfused: {
    en: 'Sorry for the confusion. Ask me about Power Automate connections in your own words, or say "help" to see what I can do.',
    ja: '分かりにくくて申し訳ありません。Power Automate の接続について自由な言葉で質問するか、「ヘルプ」と送ってできることを確認してください。',
  },
  walkConfused: {
    en: 'Sorry, let me put it another way: pick the option closest to what you see, with its button, its number or in your own words. You can also ask me what an option means.',
    ja: '分かりにくくてすみません。表示されている状況にいちばん近い選択肢を、ボタン、番号、または自分の言葉で選んでください。選択肢の意味を質問することもできます。',
  },
  askedSources: {
    en: 'The answer above comes from these documents:',
    ja: '上の回答の出典は次のとおりです。',
  },
  askedMore: {
    en: 'The answer above is all I have on that; the documents it comes from have the full text:',
    ja: '上の回答以上の内容は手元にありません。詳しくは出典のドキュメントをご覧ください。',
  },
  followUpNothingMore: {
    en: 'The documents I have say no more on that than the answer above. Ask "source?" for the documents it comes from.',
    ja: 'その点について、手元のドキュメントには上の回答以上の記載がありません。「出典は？」と送ると、元のドキュメントを表示します。',
  },
  askedBackInWalk: {
    en: 'The sources of these steps are listed with them above; the documents linked there have the full text.',
    ja: 'この手順の出典は、手順と一緒に上に載せています。詳しくはそのリンク先のドキュメントをご覧ください。',
  },
  walkSolvedUnclear: {
    en: "I couldn't tell from that whether the steps above solved it.",
    ja: '上の手順で解決したかどうか、いただいた内容からは読み取れませんでした。',
  },
  walkNotedAtOutcome: {
    en: "Noted, I'll take that into account if these steps don't solve it.",
    ja: '承知しました。この手順で解決しなかった場合の診断に使います。',
  },
  walkKnownAtOutcome: {
    en: 'Yes, I have that already.',
    ja: 'はい、その内容は伺っています。',
  },
  solvedOfferOther: {
    en: 'For the other problem, describe what you see there and I will diagnose it too.',
    ja: 'もう一つの件は、どのような状態か書いていただければ、あらためて診断します。',
  },
  walkQuestionNoAnswer: {
    en: "I couldn't find an answer to that in the documentation I have. Your diagnosis is where it was:",
    ja: '手元のドキュメントには、その答えが見つかりませんでした。診断は途中のままです。',
  },
  smallTalkAbout: {
    en: 'I am a bot, not a person: an automated helper that answers questions about Power Automate connection problems from Microsoft documentation, quoting its sources, and walks you through a diagnosis. Say "help" to see what I can do.',
    ja: '私は人ではなくボットです。Power Automate の接続の問題について、Microsoft のドキュメントを引用しながら自動でお答えし、原因の診断をお手伝いします。「ヘルプ」と送ると、できることを表示します。',
  },
  walkThanks: {
    en: "You're welcome! The diagnosis goes on from here:",
    ja: 'どういたしまして。診断の続きはこちらです。',
  },
  walkSmallTalk: {
    en: 'The diagnosis goes on from here:',
    ja: '診断の続きはこちらです。',
  },
  smallTalkTired: {
    en: 'Thanks, you too! Let me know if a connection acts up.',
    ja: 'お疲れ様です。接続でお困りのことがあれば、いつでも聞いてください。',
  },
} as const satisfies Record<string, Record<Lang, string>>;

export type StringKey = keyof typeof STRINGS;

/** The bot-authored string `key` in `lang`, with `{name}` placeholders filled. */
export function t(lang: Lang, key: StringKey, vars?: Record<string, string | number>): string {
  let s: string = STRINGS[key][lang];
  if (vars) for (const [k, v] of Object.entries(vars)) s = s.split(`{${k}}`).join(String(v));
  return s;
}

/** All keys, for tests that check both languages are present. */
export const STRING_KEYS = Object.keys(STRINGS) as StringKey[];
