/** The report as one self-contained HTML page: inline SVG charts and tables, no script, no external resource. */
import type { EventSummary } from '../../core/events/index.js';
import type { OwnerGroup } from './owner-view.js';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const STYLE = `
body { font-family: system-ui, "Noto Sans CJK JP", "Hiragino Sans", "Yu Gothic", sans-serif; margin: 2rem auto; max-width: 60rem; color: #222; padding: 0 1rem; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.15rem; margin-top: 2.2rem; border-bottom: 1px solid #ddd; padding-bottom: .2rem; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; } td, th { border-bottom: 1px solid #eee; padding: .35rem .5rem; text-align: left; vertical-align: top; }
.chart { margin: 1rem 0; } .chart svg { max-width: 100%; height: auto; }
pre { background: #f6f8fa; padding: .6rem; overflow-x: auto; font-size: .8rem; } .muted { color: #777; } .n { text-align: right; white-space: nowrap; }
`;

function chart(name: string, svg: string | undefined): string {
  return svg ? `<figure class="chart" data-chart="${name}">${svg}</figure>` : '<p class="muted">No data for this chart yet.</p>';
}

function percent(n: number, total: number): string {
  return total ? `${Math.round((n / total) * 100)}%` : '-';
}

export function renderPage(s: EventSummary, charts: Record<string, string>, groups: readonly OwnerGroup[], generated: Date): string {
  const total = s.questions;
  const shares = s.outcomes.map((o) => `<tr><td>${esc(o.outcome)}</td><td class="n">${o.count}</td><td class="n">${percent(o.count, total)}</td></tr>`).join('');
  const unanswered = groups.filter((g) => g.source === 'unanswered');
  const groupRows = unanswered
    .map(
      (g) => `<tr><td>${g.terms.length ? esc(g.terms.join(' · ')) : '<span class="muted">(no shared term)</span>'}</td><td class="n">${g.count}</td>
<td>${g.questions.map((q) => `${esc(q.text)}${q.count > 1 ? ` <span class="muted">×${q.count}</span>` : ''}`).join('<br>')}</td>
<td>${g.nearest ? `<code>${esc(g.nearest.id)}</code><br><span class="muted">${g.nearestHow === 'answer' ? 'add this phrasing?' : 'offered as "did you mean": same question?'}</span>` : '<span class="muted">none near: glossary pair or a new entry</span>'}</td></tr>`,
    )
    .join('');
  const disliked = s.disliked
    .map(
      (d) => `<tr><td><code>${esc(d.answerId)}</code></td><td class="n">${d.dislikes}</td><td class="n">${d.likes}</td>
<td>${d.comments.map(esc).join('<br>') || '<span class="muted">no comment</span>'}</td><td>${d.questions.map(esc).join('<br>')}</td></tr>`,
    )
    .join('');
  const branches = s.branches.map((b) => `<tr><td>${esc(b.tree)}</td><td><code>${esc(b.node)}</code></td><td>${esc(b.outcome)}</td><td class="n">${b.count}</td></tr>`).join('');
  const period = s.from && s.to ? `${esc(s.from.slice(0, 10))} – ${esc(s.to.slice(0, 10))}` : 'no events recorded';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Knowledge report</title><style>${STYLE}</style></head>
<body>
<h1>What users asked and missed</h1>
<p class="muted">${period} · ${total} questions · generated ${esc(generated.toISOString().slice(0, 16).replace('T', ' '))} UTC</p>

<h2>Questions per day</h2>
${chart('perDay', charts.perDay)}

<h2>Answered, low confidence, declined</h2>
${chart('outcomes', charts.outcomes)}
<table><tr><th>outcome</th><th class="n">questions</th><th class="n">share</th></tr>${shares}</table>

<h2>Top unanswered questions</h2>
${unanswered.length ? `<table><tr><th>shared terms</th><th class="n">asked</th><th>questions</th><th>nearest curated entry</th></tr>${groupRows}</table>
<p class="muted">Ready-to-paste YAML for each group: <code>npm run kb -- suggest</code>.</p>` : '<p class="muted">None recorded (or question text is turned off).</p>'}

<h2>Answers with the most 👎</h2>
${chart('disliked', charts.disliked)}
${disliked ? `<table><tr><th>answer</th><th class="n">👎</th><th class="n">👍</th><th>comments</th><th>asked as</th></tr>${disliked}</table>` : ''}

<h2>Diagnosis outcomes per branch</h2>
${chart('branches', charts.branches)}
${branches ? `<table><tr><th>tree</th><th>last step</th><th>outcome</th><th class="n">walks</th></tr>${branches}</table>` : ''}
</body></html>
`;
}
