/**
 * `npm run report -- [--events DIR] [--out FILE]`: one self-contained HTML page for the
 * knowledge owner from the recorded events (questions per day, answered / declined /
 * low-confidence shares, unanswered questions grouped with their nearest curated
 * entry, answers with the most 👎, diagnosis outcomes per branch).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Command } from 'commander';
import { repoRoot } from '../core/repo-root.js';
import { chartSpecs, renderSvg } from './report/charts.js';
import { ownerGroups } from './report/owner-view.js';
import { renderPage } from './report/page.js';
import { loadTraffic, openLookup, type TrafficOptions } from './report/traffic.js';

export async function writeReport(options: TrafficOptions & { out: string }): Promise<{ out: string; bytes: number; charts: string[]; where: string }> {
  const { summary, where } = await loadTraffic(options);
  const groups = ownerGroups(summary, await openLookup(options));
  const charts: Record<string, string> = {};
  for (const [name, spec] of Object.entries(chartSpecs(summary))) charts[name] = await renderSvg(spec);
  const html = renderPage(summary, charts, groups, new Date());
  mkdirSync(dirname(options.out), { recursive: true });
  writeFileSync(options.out, html, { mode: 0o644 });
  return { out: options.out, bytes: Buffer.byteLength(html), charts: Object.keys(charts), where };
}

if (require.main === module) {
  const program = new Command('report')
    .description("the knowledge owner's report, as one HTML page")
    .option('--events <dir>', 'folder of recorded day files (default: EVENT_LOG_DIR, or the Blob container when configured)')
    .option('--knowledge <dir>', 'knowledge folder (default: KNOWLEDGE_DIR or ./knowledge)')
    .option('--out <file>', 'where to write the page', join(repoRoot(), 'build', 'report.html'))
    .action(async (o: { events?: string; knowledge?: string; out: string }) => {
      const knowledge = o.knowledge ?? process.env.KNOWLEDGE_DIR;
      const r = await writeReport({ eventsDir: o.events, knowledgeDir: knowledge ? resolve(knowledge) : undefined, out: resolve(o.out) });
      process.stdout.write(`${r.out}: ${r.bytes} bytes, charts: ${r.charts.join(', ') || 'none (no events yet)'} (events from ${r.where})\n`);
    });
  program.parseAsync(process.argv).catch((err: Error) => {
    process.stderr.write(`report: ${err.message}\n`);
    process.exitCode = 1;
  });
}
