/**
 * `npm run kb -- check | draft FILE | suggest`: the knowledge owners' tools. Check
 * validates everything the bot loads and shows coverage; draft writes curated-answer
 * drafts for a new or changed document; suggest prints YAML snippets from the
 * recorded traffic for the owner to paste (nothing is applied).
 */
import { Command } from 'commander';
import { join, resolve } from 'node:path';
import { repoRoot } from '../core/repo-root.js';
import { checkContent, checkExitCode, renderCheck } from './kb/check.js';
import { draftFor } from './kb/draft.js';
import { suggestionText } from './kb/suggest.js';

const program = new Command('kb').description("The knowledge owners' tools").showHelpAfterError();
const defaults = () => ({
  knowledgeDir: resolve(process.env.KNOWLEDGE_DIR || join(repoRoot(), 'knowledge')),
  dialogsDir: resolve(process.env.DIALOGS_DIR || join(repoRoot(), 'dialogs')),
});

program
  .command('check')
  .description('validate knowledge/ and dialogs/ (one line per problem), then show coverage per document; exit 1 on errors')
  .option('--knowledge <dir>', 'knowledge folder (default: KNOWLEDGE_DIR or ./knowledge)')
  .option('--dialogs <dir>', 'dialogs folder (default: DIALOGS_DIR or ./dialogs)')
  .action((o: { knowledge?: string; dialogs?: string }) => {
    const d = defaults();
    const options = { knowledgeDir: o.knowledge ? resolve(o.knowledge) : d.knowledgeDir, dialogsDir: o.dialogs ? resolve(o.dialogs) : d.dialogsDir };
    const result = checkContent(options);
    process.stdout.write(renderCheck(result, options) + '\n');
    process.exitCode = checkExitCode(result);
  });

program
  .command('draft')
  .description("write a draft answers file (answers/<doc>-draft.yaml) for the document's sections no curated entry covers")
  .argument('<file>', 'the document, e.g. knowledge/new-doc.md')
  .option('--out <file>', 'where to write the draft')
  .option('--force', 'overwrite an existing draft')
  .action((file: string, o: { out?: string; force?: boolean }) => {
    const r = draftFor(file, o);
    if (r.problem) {
      process.stderr.write(r.problem + '\n');
      process.exitCode = 1;
      return;
    }
    process.stdout.write(`${r.out}: ${r.entries.length} draft entries (${r.entries.map((e) => e.id).join(', ')}).\nWrite the English fields (every TODO), then: npm run kb -- check\n`);
  });

program
  .command('suggest')
  .description('print paste-ready YAML (phrasings for an existing entry, or a glossary pair) for each group of unanswered or 👎 questions; changes nothing')
  .option('--events <dir>', 'folder of recorded day files (default: EVENT_LOG_DIR, or the Blob container when configured)')
  .option('--knowledge <dir>', 'knowledge folder (default: KNOWLEDGE_DIR or ./knowledge)')
  .action(async (o: { events?: string; knowledge?: string }) => {
    process.stdout.write(await suggestionText({ eventsDir: o.events, knowledgeDir: o.knowledge ? resolve(o.knowledge) : process.env.KNOWLEDGE_DIR }));
  });

program.parseAsync(process.argv).catch((err: Error) => {
  process.stderr.write(`kb: ${err.message}\n`);
  process.exitCode = 2;
});
