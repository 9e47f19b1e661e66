import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Storage } from 'botbuilder';
import type { Logger } from 'pino';
import type { BotServices } from '../../src/bot/services.js';
import { createServer, type BotServer } from '../../src/server/app.js';
import { loadConfig, type ServerConfig } from '../../src/server/config.js';
import { silentLogger } from '../../src/server/logger.js';
import { loadServices } from '../../src/server/load-services.js';
import type { EventSource } from '../../src/server/events/sink.js';

let shared: Promise<BotServices> | undefined;

/** One loaded knowledge base and tree set for every test file (the dictionary is the largest part of a test run's loading time and memory). */
export function sharedServices(): Promise<BotServices> {
  shared ??= loadServices(testConfig(), silentLogger());
  return shared;
}

export function testConfig(env: Record<string, string> = {}): ServerConfig {
  const dir = mkdtempSync(join(tmpdir(), 'bot-test-'));
  return loadConfig({ PORT: '0', HOST: '127.0.0.1', EVENT_LOG_DIR: join(dir, 'events'), ...env });
}

export interface Running {
  app: BotServer;
  url: string;
  close(): Promise<void>;
}

/** A real server (restify + CloudAdapter) on a free loopback port. */
export async function startBot(options: { env?: Record<string, string>; storage?: Storage; services?: BotServices; logger?: Logger } = {}): Promise<Running> {
  const config = testConfig(options.env);
  const services = options.services ?? { ...(await sharedServices()) };
  const app = createServer({ config, storage: options.storage, services, logger: options.logger ?? silentLogger() });
  const url = await app.listen(0, '127.0.0.1');
  return { app, url, close: () => app.close() };
}

export interface Reply {
  type?: string;
  text?: string;
  attachments?: { contentType: string; content: Record<string, any> }[];
  entities?: Record<string, any>[];
  channelData?: Record<string, any>;
}

/** Conversation helper: fills the envelope of each activity and posts it with expectReplies. */
export class Conversation {
  readonly id = `conv-${randomUUID()}`;
  /** A fresh user per conversation: user state (the pinned language) is per user. */
  readonly userId = `user-${randomUUID()}`;
  constructor(
    readonly url: string,
    readonly extra: Record<string, unknown> = {},
  ) {}

  envelope(activity: Record<string, unknown>): Record<string, unknown> {
    return {
      channelId: 'msteams',
      serviceUrl: 'https://smba.example.invalid/',
      conversation: { id: this.id },
      from: { id: this.userId, name: 'User' },
      recipient: { id: 'bot-1', name: 'Bot' },
      id: randomUUID(),
      deliveryMode: 'expectReplies',
      locale: 'ja-JP',
      ...this.extra,
      ...activity,
    };
  }

  async post(activity: Record<string, unknown>, url = this.url): Promise<{ status: number; replies: Reply[]; body: any }> {
    const res = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(this.envelope(activity)),
    });
    const raw = await res.text();
    let body: any;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      body = raw;
    }
    return { status: res.status, replies: (body?.activities ?? []) as Reply[], body };
  }

  /** Sends a message and returns the replies; fails the test on a non-200. */
  async say(text: string, extra: Record<string, unknown> = {}, url = this.url): Promise<Reply[]> {
    const r = await this.post({ type: 'message', text, ...extra }, url);
    if (r.status !== 200) throw new Error(`status ${r.status}: ${JSON.stringify(r.body)}`);
    return r.replies;
  }
}

/** Everything a text-only client would show for these replies. */
export function allText(replies: Reply[]): string {
  return replies
    .map((r) => [r.text ?? '', ...(r.attachments ?? []).map((a) => String(a.content?.fallbackText ?? ''))].join('\n'))
    .join('\n');
}

const JAPANESE = /[\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uff66-\uff9f]/;

/** True when Japanese appears only inside “…” quotation marks (quoted sources). */
export function japaneseOnlyInQuotes(text: string): boolean {
  return !JAPANESE.test(text.replace(/“[^”]*”/g, ''));
}

/** The adaptive cards of the replies. */
export function cards(replies: Reply[]): Record<string, any>[] {
  return replies.flatMap((r) => (r.attachments ?? []).filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive').map((a) => a.content));
}

/** The events a server recorded so far (in its temporary event folder, or its Blob container), oldest first. */
export async function recordedEvents(app: BotServer): Promise<any[]> {
  assert.ok(app.events, 'the server has an event log');
  await app.events.flush();
  return (await (app.events.sink as unknown as EventSource).lines()).map((l) => JSON.parse(l));
}

/** Every action of a card: its own actions and those of ActionSets anywhere in its body. */
export function cardActions(card: Record<string, any>): Record<string, any>[] {
  const found: Record<string, any>[] = [...(card.actions ?? [])];
  const visit = (items: any[]) => {
    for (const el of items ?? []) {
      if (el?.type === 'ActionSet') found.push(...(el.actions ?? []));
      if (Array.isArray(el?.items)) visit(el.items);
    }
  };
  visit(card.body ?? []);
  return found;
}

/** The options of a walk step's card: its choice set's choices, or else the buttons that carry a choice. */
export function stepOptions(card: Record<string, any>): { id: string; title: string }[] {
  const set = (card.body ?? []).find((el: any) => el?.type === 'Input.ChoiceSet');
  if (set) return set.choices.map((c: any) => ({ id: c.value, title: c.title }));
  return cardActions(card)
    .filter((a) => a.type === 'Action.Submit' && a.data?.choice)
    .map((a) => ({ id: a.data.choice, title: a.title }));
}

/**
 * The value a client sends when the user picks option `id` on a step card: the
 * pressed button's data plus the card's inputs (the choice set's value).
 */
export function pickValue(card: Record<string, any>, id: string): Record<string, unknown> {
  const set = (card.body ?? []).find((el: any) => el?.type === 'Input.ChoiceSet');
  if (set) {
    const submit = cardActions(card).find((a) => a.type === 'Action.Submit' && a.data?.step && !a.data?.text);
    if (!submit) throw new Error('a choice card without its answer button');
    return { ...submit.data, [set.id]: id };
  }
  const button = cardActions(card).find((a) => a.type === 'Action.Submit' && a.data?.choice === id);
  if (!button) throw new Error(`no button for option ${id}`);
  return { ...button.data };
}

/** The data of the card button that sends `text` (e.g. "戻る"), if there is one. */
export function buttonWithText(card: Record<string, any>, text: string): Record<string, any> | undefined {
  return cardActions(card).find((a) => a.type === 'Action.Submit' && a.data?.text === text);
}
