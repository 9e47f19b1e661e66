import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { Command } from 'commander';
import { createServer } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { createLogger } from '../server/logger.js';
import { loadServices } from '../server/load-services.js';
import pino from 'pino';

/**
 * `npm run chat`: talk to the bot in a terminal. It starts the real server
 * in-process on a loopback port and POSTs each line as an activity with
 * deliveryMode "expectReplies" — the same adapter, bot and state as Teams
 * uses, not a separate code path. Works with piped stdin (one message a line).
 * It ends on end of input (Ctrl-D) or on `/quit`, a word no Teams user would send:
 * "exit", "quit" and "終了" are the bot's own words for cancelling a diagnosis, so
 * they go to the bot as every other line does.
 */
interface ChatActivity {
  type?: string;
  text?: string;
  attachments?: { contentType?: string; content?: { fallbackText?: string } }[];
}

/** The text form of a reply: message text, then each card's complete fallback text. */
export function renderReply(a: ChatActivity): string {
  if (a.type && a.type !== 'message') return '';
  const parts: string[] = [];
  if (a.text) parts.push(a.text);
  for (const att of a.attachments ?? []) {
    const fb = att.content?.fallbackText;
    if (fb) parts.push(fb);
  }
  return parts.join('\n');
}

/** The chat's own quit word; everything else, "exit" included, is for the bot. */
const CHAT_QUIT = '/quit';

async function main(): Promise<void> {
  const program = new Command()
    .name('chat')
    .description('Chat with the bot in the terminal (through the real server and adapter)')
    .option('--locale <locale>', 'locale the client reports (ja-JP or en-US)', 'ja-JP')
    .option('--verbose', 'show the server log on stderr')
    .addHelpText('after', '\nEvery line goes to the bot ("exit" or "cancel" ends a diagnosis, as in Teams).\nCtrl-D or /quit ends the chat.')
    .parse();
  const opts = program.opts<{ locale: string; verbose?: boolean }>();

  // Always local: anonymous requests on loopback, whatever app id the environment holds.
  const config = { ...loadConfig(process.env), appId: '', appPassword: '', authEnabled: false, host: '127.0.0.1', port: 0 };
  const logger = opts.verbose ? createLogger(config.logLevel, pino.destination(2)) : createLogger('silent');
  const app = createServer({ config, logger, loadServices: () => loadServices(config, logger) });
  const base = await app.listen();
  const interactive = Boolean(process.stdin.isTTY);
  if (interactive) process.stdout.write('Loading the knowledge base… (press Ctrl-D or type /quit to end the chat)\n');
  await app.ready;

  const conversation = { id: `cli-${randomUUID()}` };
  const user = { id: 'cli-user', name: 'You' };
  const bot = { id: 'cli-bot', name: 'Bot' };
  const send = async (activity: Record<string, unknown>): Promise<void> => {
    const res = await fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        channelId: 'cli',
        serviceUrl: base,
        conversation,
        from: user,
        recipient: bot,
        locale: opts.locale,
        id: randomUUID(),
        timestamp: new Date().toISOString(),
        deliveryMode: 'expectReplies',
        ...activity,
      }),
    });
    if (!res.ok) {
      process.stdout.write(`[server answered ${res.status}]\n`);
      return;
    }
    const body = (await res.json().catch(() => ({}))) as { activities?: ChatActivity[] };
    for (const a of body.activities ?? []) {
      const text = renderReply(a);
      if (text) process.stdout.write(`bot> ${text.replace(/\n/g, '\n     ')}\n\n`);
    }
  };

  await send({ type: 'conversationUpdate', membersAdded: [bot, user] });
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: interactive });
  const prompt = () => {
    if (interactive) rl.prompt();
  };
  rl.setPrompt('you> ');
  prompt();
  for await (const line of rl) {
    const text = line.trim();
    if (text.toLowerCase() === CHAT_QUIT) break;
    if (text) {
      if (!interactive) process.stdout.write(`you> ${text}\n`);
      await send({ type: 'message', text });
    }
    prompt();
  }
  rl.close();
  await app.close();
}

main().catch((err: Error) => {
  process.stderr.write(`chat failed: ${err.message}\n`);
  process.exit(1);
});
