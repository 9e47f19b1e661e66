import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { writeReport } from '../../src/cli/report.js';
import { copyKnowledge, type KnowledgeCopy } from './kb/knowledge-copy.js';
import { DAY, recordTrafficDay, SECRETS } from './kb/traffic.js';

const ROOT = join(__dirname, '..', '..', '..');
const BUILD = join(ROOT, 'build');

describe('npm run report: one self-contained page, charts rendered in Chromium', function () {
  this.timeout(120_000);
  let dir: string;
  let html: string;
  let out: string;
  let copy: KnowledgeCopy;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'report-'));
    await recordTrafficDay(join(dir, 'events'));
    mkdirSync(BUILD, { recursive: true });
    out = join(BUILD, 'report.html');
    copy = copyKnowledge();
    const r = await writeReport({ eventsDir: join(dir, 'events'), knowledgeDir: copy.knowledgeDir, indexFile: join(dir, 'index.json'), out });
    assert.deepEqual(r.charts.sort(), ['branches', 'disliked', 'outcomes', 'perDay']);
    html = readFileSync(out, 'utf8');
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
    copy.dispose();
  });

  it('the recorded day holds no personal data, and neither does the page', () => {
    const files = readdirSync(join(dir, 'events'));
    assert.deepEqual(files, [`${DAY}.replica-1.jsonl`]);
    const written = readFileSync(join(dir, 'events', files[0]), 'utf8');
    for (const s of SECRETS) {
      assert.equal(written.includes(s), false, `${s} written`);
      assert.equal(html.includes(s), false, `${s} in the report`);
    }
    assert.equal(written.split('\n').filter(Boolean).length, 22, 'the empty feedback is not written');
  });

  it('has the owner sections: shares, grouped unanswered questions with the nearest entry, 👎 with comments, branches', () => {
    assert.match(html, /<td>declined<\/td><td class="n">5<\/td><td class="n">33%<\/td>/);
    assert.match(html, /<td>low-confidence<\/td><td class="n">2<\/td><td class="n">13%<\/td>/);
    assert.match(html, /ゲートウェイの回復キーはどこで確認できますか <span class="muted">×2<\/span>/);
    assert.match(html, /<code>mechanism-refresh-token-renews-access<\/code><br><span class="muted">add this phrasing\?<\/span>/);
    assert.match(html, /<code>mechanism-connection-uses-tokens<\/code><\/td><td class="n">2<\/td><td class="n">0<\/td>\s*<td>違う話です。\[email\] まで連絡ください<br>ゲートウェイの話が知りたい<\/td>/);
    assert.match(html, /<td><code>out-inactive<\/code><\/td><td>solved<\/td><td class="n">2<\/td>/);
  });

  it('needs nothing from the network: no script, stylesheet link or external source', () => {
    assert.doesNotMatch(html, /<script|<link|<img|<iframe|\bsrc=|url\(\s*['"]?https?:/i);
    assert.equal((html.match(/<svg/g) ?? []).length, 4);
  });

  it('renders every chart in headless Chromium with no request leaving the page (screenshot in build/)', async () => {
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(`file://${out}`);
      const charts = await page.$$eval('figure[data-chart]', (figs) =>
        figs.map((f) => {
          const svg = f.querySelector('svg')!;
          const box = svg.getBoundingClientRect();
          const marks = svg.querySelectorAll('.mark-rect path, .mark-arc path, .mark-rect rect').length;
          const labels = [...svg.querySelectorAll('text')].map((t) => t.textContent ?? '');
          return { name: f.getAttribute('data-chart'), width: box.width, height: box.height, marks, labels };
        }),
      );
      assert.deepEqual(charts.map((c) => c.name), ['perDay', 'outcomes', 'disliked', 'branches']);
      for (const c of charts) {
        assert.ok(c.width > 200 && c.height > 40, `${c.name} is ${c.width}x${c.height}`);
        assert.ok(c.marks > 0, `${c.name} has no bars`);
      }
      assert.ok(charts.find((c) => c.name === 'branches')!.labels.some((l) => l.includes('out-mfa-required')));
      assert.ok(charts.find((c) => c.name === 'perDay')!.labels.includes(DAY));
      assert.deepEqual(requests.filter((u) => !u.startsWith('file://')), []);
      await page.screenshot({ path: join(BUILD, 'report.png'), fullPage: true });
    } finally {
      await browser.close();
    }
  });
});
