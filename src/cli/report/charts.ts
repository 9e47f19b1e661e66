/**
 * The report's charts: Vega-Lite specifications compiled and rendered to SVG by
 * Vega in Node (no canvas, no browser), so the page carries them inline and needs
 * no script or network when it is opened.
 */
import type { EventSummary } from '../../core/events/index.js';

type VlSpec = Record<string, unknown>;

const CONFIG = { font: 'sans-serif', view: { stroke: null }, axis: { labelFontSize: 11, titleFontSize: 12 }, legend: { labelFontSize: 11 } };

/** Compiles a Vega-Lite spec and renders it to an SVG string. */
export async function renderSvg(spec: VlSpec): Promise<string> {
  // Both are ES modules; this CLI is CommonJS, so they come in through import().
  const vl = await import('vega-lite');
  const vega = await import('vega');
  const compiled = vl.compile({ $schema: 'https://vega.github.io/schema/vega-lite/v6.json', config: CONFIG, ...spec } as never).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

const OUTCOME_COLORS = { domain: ['answered', 'low-confidence', 'declined'], range: ['#2e7d32', '#f9a825', '#c62828'] };
const WALK_COLORS = { domain: ['solved', 'not-solved', 'abandoned'], range: ['#2e7d32', '#c62828', '#9e9e9e'] };

/** The specs of the report, by chart name (only charts with data). Label limits are generous: without a canvas, Vega estimates text width high. */
export function chartSpecs(s: EventSummary): Record<string, VlSpec> {
  const specs: Record<string, VlSpec> = {};
  if (s.perDay.length) {
    specs.perDay = {
      title: 'Questions per day, by language',
      width: 560,
      height: 200,
      data: { values: s.perDay },
      mark: 'bar',
      encoding: {
        x: { field: 'day', type: 'ordinal', title: 'day (UTC)', axis: { labelAngle: -40 } },
        y: { field: 'count', type: 'quantitative', title: 'questions' },
        color: { field: 'lang', type: 'nominal', title: 'language', scale: { domain: ['ja', 'en'], range: ['#1565c0', '#ef6c00'] } },
      },
    };
  }
  if (s.questions) {
    specs.outcomes = {
      title: 'Answered, low confidence, declined',
      width: 560,
      height: 60,
      data: { values: s.outcomes.filter((o) => o.count) },
      transform: [{ joinaggregate: [{ op: 'sum', field: 'count', as: 'total' }] }, { calculate: 'datum.count / datum.total', as: 'share' }],
      mark: 'bar',
      encoding: {
        x: { field: 'share', type: 'quantitative', stack: 'normalize', title: 'share of questions', axis: { format: '%' } },
        color: { field: 'outcome', type: 'nominal', title: 'outcome', scale: OUTCOME_COLORS, sort: OUTCOME_COLORS.domain },
        order: { field: 'order', type: 'ordinal' },
        tooltip: [{ field: 'outcome' }, { field: 'count' }],
      },
    };
  }
  if (s.disliked.length) {
    specs.disliked = {
      title: 'Answers with the most 👎',
      width: 460,
      height: { step: 22 },
      data: { values: s.disliked.slice(0, 15) },
      mark: 'bar',
      encoding: {
        y: { field: 'answerId', type: 'nominal', sort: '-x', title: null, axis: { labelLimit: 480 } },
        x: { field: 'dislikes', type: 'quantitative', title: '👎', axis: { tickMinStep: 1 } },
        color: { value: '#c62828' },
      },
    };
  }
  if (s.branches.length) {
    specs.branches = {
      title: 'Diagnosis outcomes per branch',
      width: 460,
      height: { step: 22 },
      data: { values: s.branches.map((b) => ({ ...b, branch: `${b.tree} › ${b.node}` })) },
      mark: 'bar',
      encoding: {
        y: { field: 'branch', type: 'nominal', title: null, axis: { labelLimit: 480 } },
        x: { field: 'count', type: 'quantitative', title: 'walks', axis: { tickMinStep: 1 } },
        color: { field: 'outcome', type: 'nominal', title: 'outcome', scale: WALK_COLORS, sort: WALK_COLORS.domain },
      },
    };
  }
  return specs;
}
