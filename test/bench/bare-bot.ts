/**
 * The floor our bot is measured against: restify + botbuilder's CloudAdapter
 * set up exactly as the real server (same createAdapter, same body parser and
 * limits, same /readyz, restify loaded the same way), with a bot that answers every message with a fixed
 * text. No state, no storage, no knowledge base.
 *
 * Run as `PORT=… node dist/test/bench/bare-bot.js`, like `npm start` runs main.js.
 */
import type { Request, Response } from 'restify';
import { ActivityHandler } from 'botbuilder';
import { createAdapter } from '../../src/server/adapter.js';
import { loadConfig } from '../../src/server/config.js';
// restify loaded as the real server loads it (without spdy's deprecation warning), so the start is timed alike.
import { restify } from '../../src/server/restify.js';

class FixedTextBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity('OK: this is a fixed reply.');
      await next();
    });
  }
}

async function main(): Promise<void> {
  const config = loadConfig();
  const adapter = createAdapter(config, async () => {});
  const bot = new FixedTextBot();
  const server = restify.createServer({ name: 'bare-bot', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: config.maxBodyBytes, mapParams: false, mapFiles: false, rejectUnknown: true }));
  // Handlers return nothing: restify warns about (and logs) a value returned from an async handler.
  server.get('/healthz', async (_req: Request, res: Response) => {
    res.send(200, { status: 'ok' });
  });
  // Nothing to load: ready as soon as it listens.
  server.get('/readyz', async (_req: Request, res: Response) => {
    res.send(200, { status: 'ready' });
  });
  server.post('/api/messages', async (req: Request, res: Response) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });
  server.listen(config.port, config.host);
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((err: Error) => {
  process.stderr.write(`bare-bot: ${err.message}\n`);
  process.exit(1);
});
