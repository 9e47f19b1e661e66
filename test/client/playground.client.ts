/**
 * The bot in a real client: the Microsoft 365 Agents Playground (Teams channel)
 * rendered by Debian's Chromium, driven with playwright-core. Asserts on the
 * rendered page, as a user meets it, and leaves screenshots in build/client/.
 *
 * Run with `npm run test:client` (not part of `npm test`: it needs /usr/bin/chromium).
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { freePort, startNode, waitForHttp, waitForOutput, type Started } from './processes.js';

// Page-side globals used inside page.evaluate / waitForFunction callbacks (the project compiles without the DOM lib).
declare const document: { querySelectorAll(selector: string): ArrayLike<{ children: ArrayLike<unknown>; textContent: string | null }> };
declare function getComputedStyle(el: unknown): { lineHeight: string; textOverflow: string; overflow: string; opacity: string };

const ROOT = join(__dirname, '..', '..', '..');
const SHOTS = join(ROOT, 'build', 'client');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const PLAYGROUND_CLI = join(ROOT, 'node_modules', '@microsoft', 'm365agentsplayground', 'cli.js');
const WAIT = 30_000;

/** The English labels of a question in the bundled tree, numbered as the card shows them. */
function treeNode(nodeId: string): { text: { en: string }; options: { label: { en: string } }[] } {
  const tree = yaml.load(readFileSync(join(ROOT, 'dialogs', 'invalid-connection.yaml'), 'utf8')) as {
    nodes: Record<string, { text: { en: string }; options: { label: { en: string } }[] }>;
  };
  return tree.nodes[nodeId];
}

function optionLabels(nodeId: string): string[] {
  return treeNode(nodeId).options.map((o, i) => `${i + 1}. ${o.label.en.trim()}`);
}

describe('in the Microsoft 365 Agents Playground (Teams channel), in Chromium', function () {
  this.timeout(180_000);
  let bot: Started | undefined;
  let playground: Started | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let eventDir: string;

  before(async () => {
    rmSync(SHOTS, { recursive: true, force: true });
    mkdirSync(SHOTS, { recursive: true });
    const botPort = await freePort();
    eventDir = mkdtempSync(join(tmpdir(), 'client-test-events-'));
    // Anonymous (no app id): the Playground sends unauthenticated activities.
    bot = startNode([join(ROOT, 'dist', 'src', 'server', 'main.js')], {
      PORT: String(botPort),
      HOST: '127.0.0.1',
      EVENT_LOG: 'on',
      EVENT_LOG_DIR: eventDir,
      MicrosoftAppId: '',
      MicrosoftAppPassword: '',
    });
    await waitForHttp(`http://127.0.0.1:${botPort}/readyz`, 60_000);
    playground = startNode(
      [PLAYGROUND_CLI, 'start', '-e', `http://127.0.0.1:${botPort}/api/messages`, '-c', 'msteams', '-p', String(await freePort()), '--disable-telemetry'],
      {},
    );
    const [, pgPort] = await waitForOutput(playground, /Listening on (\d+)/, 60_000);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      // A fresh profile each launch; nothing reaches out (no updates, sync or QUIC).
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 1600 }, locale: 'en-US' });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`http://127.0.0.1:${pgPort}/`);
    await page.locator('[data-lexical-editor="true"]').waitFor({ timeout: WAIT });
  });

  after(async () => {
    await browser?.close();
    await playground?.stop();
    await bot?.stop();
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && page) {
      await page.screenshot({ path: join(SHOTS, `failed-${this.currentTest.title.replace(/\W+/g, '-').slice(0, 60)}.png`), fullPage: true });
      // A dialog left open by a failed step would block the next test's clicks.
      await page.keyboard.press('Escape');
    }
  });

  /** Types a message into the compose box and sends it. */
  async function say(text: string): Promise<void> {
    const box = page.locator('[data-lexical-editor="true"]');
    await box.click();
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
  }

  /** Waits until there are more than `before` Adaptive Cards and returns the newest. */
  async function nextCard(before: number): Promise<Locator> {
    const all = page.locator('.ac-adaptiveCard');
    await page.waitForFunction((n) => document.querySelectorAll('.ac-adaptiveCard').length > n, before, { timeout: WAIT });
    // By position, so the locator keeps meaning this card when newer ones arrive.
    const card = all.nth((await all.count()) - 1);
    await card.scrollIntoViewIfNeeded();
    return card;
  }

  const cardCount = () => page.locator('.ac-adaptiveCard').count();

  /** Picks the option whose label is `label` on a question card and presses its button. */
  async function answer(card: Locator, label: string, button: string): Promise<Locator> {
    const before = await cardCount();
    await card.locator('label', { hasText: label }).first().click();
    await card.getByRole('button', { name: button, exact: true }).click();
    return nextCard(before);
  }

  it('welcomes in both languages when the client names none, with the example questions', async () => {
    const welcome = page.locator('.ac-adaptiveCard').first();
    await welcome.waitFor({ timeout: WAIT });
    await assertVisibleText(welcome, 'Power Automate 接続ヘルパー');
    await assertVisibleText(welcome, 'Power Automate connection helper');
    await assertVisibleText(welcome, 'How long can a connection stay unused?');
    await welcome.screenshot({ path: join(SHOTS, 'welcome.png') });
  });

  it('answers with citation pills that open a pop-up, and feedback buttons that record against the answer', async () => {
    const pills = page.locator('a[role="button"][aria-expanded]');
    const before = await pills.count();
    await say('Why does my flow connection become invalid?');
    await page.waitForFunction((n) => document.querySelectorAll('a[role="button"][aria-expanded]').length > n, before, { timeout: WAIT });
    const pill = pills.nth(before);
    assert.equal((await pill.textContent())?.trim(), '1');
    // The overview of causes reads as two lists, the markers after its lead line.
    const message = pill.locator('xpath=ancestor::*[.//li][1]');
    assert.match((await message.textContent()) ?? '', /connection/);
    const items = message.locator('li');
    assert.ok((await items.count()) >= 10, `the causes as list items (${await items.count()})`);
    await assertVisibleText(message, 'the connection is unused for 90 days or more');
    assert.doesNotMatch(await page.locator('body').innerText(), /AI generated/i, 'no AI-generated label');
    await message.screenshot({ path: join(SHOTS, 'answer-list.png') });

    await pill.hover();
    const popup = page.locator('.fai-PreviewContent').last();
    await popup.waitFor({ state: 'visible', timeout: WAIT });
    // The pop-up fades in: wait until it is opaque, so the picture shows what a reader sees.
    await popup.evaluate((el: any) => Promise.all(el.getAnimations({ subtree: true }).map((a: any) => a.finished)).then(() => undefined));
    await page.waitForFunction((el: any) => {
      for (let e = el; e; e = e.parentElement) if (parseFloat(getComputedStyle(e).opacity) < 1) return false;
      return true;
    }, await popup.elementHandle(), { timeout: WAIT });
    assert.match((await popup.innerText()).replace(/\s+/g, ' '), /無効な接続/, 'the pop-up shows the cited document');
    assert.match((await popup.locator('a[href^="https://"]').first().getAttribute('href')) ?? '', /^https:\/\//, 'with a link to it');
    await page.screenshot({ path: join(SHOTS, 'answer-citation.png') });
    await page.mouse.move(0, 0);

    const like = page.getByRole('button', { name: 'Like', exact: true }).last();
    const dislike = page.getByRole('button', { name: 'Dislike', exact: true }).last();
    assert.ok(await like.isVisible(), 'a like button');
    assert.ok(await dislike.isVisible(), 'a dislike button');
    await like.click();
    // The Playground asks for an optional comment, then thanks the user.
    const dialog = page.getByRole('dialog').last();
    await dialog.waitFor({ timeout: WAIT });
    const submit = dialog.getByRole('button', { name: /^submit$/i });
    if (await submit.count()) {
      await dialog.locator('textarea').first().fill('Clear answer');
      await submit.click();
    }
    await page.getByText('Thank you!').waitFor({ timeout: WAIT });
    const record = await waitForFeedback(eventDir);
    assert.equal(record.reaction, 'like');
    assert.ok(record.answerId, `the feedback names its answer: ${JSON.stringify(record)}`);
    await page.screenshot({ path: join(SHOTS, 'answer-feedback.png') });
    await page.getByRole('button', { name: 'Close', exact: true }).last().click();
    await page.getByText('Thank you!').waitFor({ state: 'hidden', timeout: WAIT });
  });

  it('walks to an outcome by pressing buttons, showing every option of the event question in full, and the summary on several lines', async () => {
    let card = await (async () => {
      const before = await cardCount();
      await say('troubleshoot');
      return nextCard(before);
    })();
    await assertVisibleText(card, treeNode('role').text.en.trim());
    card = await answer(card, '1. I build or use flows (end user)', 'Answer');
    const symptom = optionLabels('symptom');
    card = await answer(card, symptom[symptom.length - 1], 'Answer');

    // The event question: every option label whole and visible, no overflow menu.
    const labels = optionLabels('event');
    assert.ok(labels.length > 6);
    for (const label of labels) await assertVisibleText(card, label);
    assert.equal(await card.getByRole('button', { name: /more/i }).count(), 0, 'no overflow menu');
    assert.ok(await card.getByRole('button', { name: 'Back', exact: true }).isVisible(), 'Back reachable');
    assert.ok(await card.getByRole('button', { name: 'Start over', exact: true }).isVisible(), 'Start over reachable');
    await assertButtonsWhole(card);
    await card.screenshot({ path: join(SHOTS, 'event-question.png') });

    card = await answer(card, labels[0], 'Answer');
    const summary = card.locator('textarea');
    await summary.waitFor({ timeout: WAIT });
    const value = await summary.inputValue();
    const lines = value.split('\n');
    assert.ok(lines.length >= 5, value);
    assert.equal(lines.filter((l) => /diagnosis summary/i.test(l)).length, 1, 'the summary heading once');
    const box = await summary.evaluate((el: any) => ({ h: el.clientHeight, line: parseFloat(getComputedStyle(el).lineHeight) || 20 }));
    assert.ok(box.h > 2 * box.line, `the summary box shows several lines (${JSON.stringify(box)})`);
    await assertButtonsWhole(card);
    // Each Japanese quote under Sources is followed by English.
    const gist = card.getByText(/^(In English, in short: |A Japanese source)/).first();
    await gist.waitFor({ state: 'visible', timeout: WAIT });
    await card.screenshot({ path: join(SHOTS, 'outcome.png') });

    // The outcome can be rated like an answer, and the rating names the outcome.
    const like = page.getByRole('button', { name: 'Like', exact: true }).last();
    await like.scrollIntoViewIfNeeded();
    assert.ok(await like.isVisible(), 'a like button on the outcome');
    assert.ok(await page.getByRole('button', { name: 'Dislike', exact: true }).last().isVisible(), 'a dislike button on the outcome');
    await like.click();
    const dialog = page.getByRole('dialog').last();
    await dialog.waitFor({ timeout: WAIT });
    const submit = dialog.getByRole('button', { name: /^submit$/i });
    if (await submit.count()) await submit.click();
    await page.getByText('Thank you!').waitFor({ timeout: WAIT });
    const rated = await waitForFeedback(eventDir, (l) => /^walk:/.test(l.answerId ?? ''));
    assert.equal(rated.reaction, 'like');
    assert.match(rated.answerId, /^walk:invalid-connection\//);
    await page.screenshot({ path: join(SHOTS, 'outcome-feedback.png') });
    await page.getByRole('button', { name: 'Close', exact: true }).last().click();
    await page.getByText('Thank you!').waitFor({ state: 'hidden', timeout: WAIT });

    const before = await page.locator('text=glad it\'s fixed').count();
    await card.getByRole('button', { name: "Yes, it's fixed", exact: true }).click();
    await page.waitForFunction(
      (n) => Array.from(document.querySelectorAll('p, div')).filter((e) => e.children.length === 0 && /glad it's fixed/.test(e.textContent ?? '')).length > n,
      before,
      { timeout: WAIT },
    );
    await page.screenshot({ path: join(SHOTS, 'solved.png') });
  });

  it('a Japanese walk stays Japanese through button presses, and an earlier step\'s button leaves it where it is', async () => {
    const before = await cardCount();
    await say('診断');
    const role = await nextCard(before);
    const ja = (nodeId: string) => (yaml.load(readFileSync(join(ROOT, 'dialogs', 'invalid-connection.yaml'), 'utf8')) as any).nodes[nodeId];
    await assertVisibleText(role, ja('role').text.ja.trim());
    const symptom = await answer(role, `1. ${ja('role').options[0].label.ja.trim()}`, '回答する');
    await assertVisibleText(symptom, ja('symptom').text.ja.trim());
    // The first card's button again: the walk stays at the symptom question, which is shown again.
    const again = await answer(role, `2. ${ja('role').options[1].label.ja.trim()}`, '回答する');
    await assertVisibleText(again, ja('symptom').text.ja.trim());
    await page.screenshot({ path: join(SHOTS, 'walk-ja-stale-button.png') });
  });
});

/** Asserts that `text` is shown inside `scope` whole: visible, not clipped, not cut with an ellipsis. */
async function assertVisibleText(scope: Locator, text: string): Promise<void> {
  const el = scope.getByText(text, { exact: true }).first();
  await el.waitFor({ state: 'visible', timeout: WAIT });
  await el.scrollIntoViewIfNeeded();
  const m = await el.evaluate((node: any) => {
    const s = getComputedStyle(node);
    return {
      text: node.textContent ?? '',
      clipped: node.scrollWidth > node.clientWidth + 1 || node.scrollHeight > node.clientHeight + 1,
      ellipsis: s.textOverflow === 'ellipsis' && s.overflow !== 'visible' && node.scrollWidth > node.clientWidth,
    };
  });
  assert.equal(m.text.trim(), text);
  assert.ok(!m.clipped && !m.ellipsis, `"${text}" is shown whole (${JSON.stringify(m)})`);
  const [box, outer] = await Promise.all([el.boundingBox(), scope.boundingBox()]);
  assert.ok(box && outer && box.x >= outer.x - 1 && box.x + box.width <= outer.x + outer.width + 1, `"${text}" lies inside its card`);
}

/** Asserts that every button of a card shows its whole title. */
async function assertButtonsWhole(card: Locator): Promise<void> {
  const buttons = await card.getByRole('button').evaluateAll((els: any[]) =>
    els.map((b) => ({ title: b.getAttribute('title') ?? b.textContent, cut: [b, ...b.querySelectorAll('*')].some((e: any) => e.scrollWidth > e.clientWidth + 1) })),
  );
  assert.ok(buttons.length > 0);
  for (const b of buttons) assert.ok(!b.cut, `the button "${b.title}" shows its whole title`);
}

/** The first feedback event in the event log folder that `which` accepts (polled: the invoke is handled after the click). */
async function waitForFeedback(dir: string, which: (event: Record<string, any>) => boolean = () => true): Promise<Record<string, any>> {
  const until = Date.now() + WAIT;
  for (;;) {
    const lines = readdirSync(dir)
      .filter((f) => f.endsWith('.jsonl'))
      .flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n').filter(Boolean))
      .map((l) => JSON.parse(l) as Record<string, any>);
    const found = lines.find((l) => l.kind === 'feedback' && which(l));
    if (found) return found;
    if (Date.now() > until) throw new Error(`no feedback event in ${dir}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
