/** `kb suggest`: the owner's paste-ready YAML for each group of unanswered or 👎 questions. Applies nothing. */
import { ownerGroups } from '../report/owner-view.js';
import { loadTraffic, openLookup, type TrafficOptions } from '../report/traffic.js';

export async function suggestionText(options: TrafficOptions): Promise<string> {
  const { summary, where } = await loadTraffic(options);
  const groups = ownerGroups(summary, await openLookup(options));
  if (!groups.length) return `No unanswered or 👎 questions with text in ${where}.\n`;
  const blocks = groups.map((g, i) => {
    const head = g.source === 'unanswered' ? `${g.count} unanswered ask(s)${g.terms.length ? `, shared terms: ${g.terms.join(' ')}` : ''}` : `${g.count} 👎 on "${g.dislikedAnswer}", given to`;
    const asked = g.questions.map((q) => `#   - ${q.text}${q.count > 1 ? ` (×${q.count})` : ''}`).join('\n');
    return `# --- ${i + 1}. ${head}\n${asked}\n${g.snippet}`;
  });
  return `# Suggestions from ${where}: paste what fits, then run \`npm run kb -- check\`.\n\n${blocks.join('\n')}`;
}
