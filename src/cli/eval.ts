/**
 * `npm run --silent eval -- FILE`: top-1/top-3 hit rates per language, share of
 * out-of-scope questions declined, English questions answered in English.
 */
import { Command } from 'commander';
import { evaluate, formatReport, readEvalFile } from '../core/search/evaluation.js';
import { KnowledgeBase } from '../core/search/knowledge-base.js';

async function main(argv: string[]): Promise<void> {
  const program = new Command('eval')
    .description('Evaluate the knowledge base on a JSONL question file (dev.jsonl format)')
    .argument('<file>', 'evaluation file')
    .option('--json', 'print the figures as JSON')
    .option('--misses', 'list the questions missed at top-3, wrongly (un)answered or not first, each with its first answer')
    .parse(argv);
  const opts = program.opts<{ json?: boolean; misses?: boolean }>();
  const kb = await KnowledgeBase.open();
  for (const e of kb.loadErrors) process.stderr.write(`warning: ${e}\n`);
  const report = evaluate(readEvalFile(program.args[0]), (q) => kb.ask(q), kb.documents);
  if (opts.json) {
    const { outcomes, ...figures } = report;
    process.stdout.write(`${JSON.stringify(figures)}\n`);
  } else process.stdout.write(`${formatReport(report)}\n`);
  if (opts.misses) {
    for (const o of report.outcomes) {
      const miss = o.question.gold ? !(o.hitRank >= 1 && o.hitRank <= 3) : o.result.answered;
      const top = o.result.answers.slice(0, 3).map((a) => `${a.id}(${a.score})`).join(' ');
      if (!(miss || o.hitRank > 1)) continue;
      // The first answer as the asker reads it, so the reason of a miss shows without a second run.
      const first = o.result.answers[0];
      const said = first ? `\n    1st: ${oneLine(first.text)}\n    quote: ${oneLine(first.citations[0]?.quote ?? '')}` : '';
      process.stdout.write(`${miss ? 'MISS' : `rank${o.hitRank}`} ${o.question.id} ${o.question.q}\n    → ${top || '(declined)'}${said}\n`);
    }
  }
}

/** A text on one line, cut to a readable length. */
function oneLine(text: string, max = 160): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max)}…` : t;
}

if (require.main === module) {
  // Output piped into head or less that closes early is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  main(process.argv).catch((e: unknown) => {
    process.stderr.write(`eval: ${(e as Error).message}\n`);
    process.exit(1);
  });
}
