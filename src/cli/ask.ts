/**
 * `npm run --silent ask -- [--json] "<question>"` and `ask -- --json --jsonl FILE`:
 * ask the knowledge base from the command line (dictionary and index loaded once).
 */
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { KnowledgeBase } from '../core/search/knowledge-base.js';
import type { AskResult } from '../core/search/types.js';

/** The public JSON shape of one result: the fields scripts may rely on. */
export function toJson(r: AskResult): object {
  return {
    question: r.question,
    lang: r.lang,
    answered: r.answered,
    answers: r.answers.map((a) => ({
      id: a.id,
      kind: a.kind,
      text: a.text,
      score: a.score,
      citations: a.citations,
      ...(a.notes ? { notes: a.notes } : {}),
    })),
    ...(r.suggestions ? { suggestions: r.suggestions } : {}),
  };
}

/** A readable rendering for people at a terminal. */
export function toText(r: AskResult): string {
  if (!r.answered) {
    const msg = r.lang === 'ja' ? 'ナレッジ ベースにこの質問への回答はありません。' : 'The knowledge base has no answer to this question.';
    const sugg = r.suggestions?.length ? `\n${r.lang === 'ja' ? 'もしかして:' : 'Did you mean:'}\n${r.suggestions.map((s) => `  - ${s}`).join('\n')}` : '';
    return msg + sugg;
  }
  return r.answers
    .map((a, i) => {
      const cites = a.citations.map((c) => `    [${c.docId}] ${c.title}${c.section ? ` — ${c.section}` : ''}\n      「${c.quote}」\n      ${c.url}`);
      const notes = (a.notes ?? []).map((n) => `  ! ${n.text} (${n.citations.map((c) => c.docId).join(', ')})`);
      return [`${i + 1}. (${a.kind}, ${a.score}) ${a.text}`, ...notes, ...cites].join('\n');
    })
    .join('\n\n');
}

/** Questions of a JSONL file: plain text lines or JSON objects with "q". */
export function readQuestions(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      const t = l.trim();
      if (t.startsWith('{')) {
        const o = JSON.parse(t) as { q?: unknown };
        if (typeof o.q === 'string') return o.q;
        throw new Error(`${file}: a JSON line has no "q" string: ${t.slice(0, 80)}`);
      }
      return t;
    });
}

async function main(argv: string[]): Promise<void> {
  const program = new Command('ask')
    .description('Ask the knowledge base (Japanese or English)')
    .argument('[question...]', 'the question')
    .option('--json', 'print JSON (one object per question)')
    .option('--jsonl <file>', 'read one question per line (plain text or JSON with "q")')
    .option('--lang <lang>', 'answer language (ja|en); detected from the question by default')
    .option('--limit <n>', 'maximum answers', (v) => parseInt(v, 10), 5)
    .parse(argv);
  const opts = program.opts<{ json?: boolean; jsonl?: string; lang?: string; limit: number }>();
  const questions = opts.jsonl ? readQuestions(opts.jsonl) : [program.args.join(' ')].filter((q) => q.trim());
  if (!questions.length) program.error('give a question or --jsonl FILE');
  if (opts.lang && opts.lang !== 'ja' && opts.lang !== 'en') program.error('--lang must be ja or en');

  const kb = await KnowledgeBase.open();
  for (const e of kb.loadErrors) process.stderr.write(`warning: ${e}\n`);
  for (const q of questions) {
    const r = kb.ask(q, { lang: opts.lang as 'ja' | 'en' | undefined, limit: opts.limit });
    process.stdout.write(opts.json ? `${JSON.stringify(toJson(r))}\n` : `${toText(r)}\n${questions.length > 1 ? '\n' : ''}`);
  }
}

if (require.main === module) {
  main(process.argv).catch((e: unknown) => {
    process.stderr.write(`ask: ${(e as Error).message}\n`);
    process.exit(1);
  });
}
