import { AddressInfo } from 'node:net';
import restify, { type Request, type Response, type Server } from 'restify';
import type { Storage } from 'botbuilder';
import { FeedbackLog } from '../bot/feedback.js';
import type { BotServices } from '../bot/services.js';
import { nullRecorder } from '../core/events/index.js';
import { TeamsBot } from '../bot/teams-bot.js';
import { createAdapter } from './adapter.js';
import type { ServerConfig } from './config.js';
import { silentLogger, type Logger } from './logger.js';
import { createEventLog } from './events/create.js';
import type { EventLog } from './events/event-log.js';
import { createStorage } from './storage.js';
import { activityProblem } from './validate.js';

export interface CreateServerOptions {
  config: ServerConfig;
  logger?: Logger;
  /** State storage; by default from the configuration (Blobs when a connection string is set, else memory). */
  storage?: Storage;
  /**
   * Services already loaded (tests share one knowledge base), or a loader run in the
   * background after the server starts listening. /readyz is 503 until they are there.
   */
  services?: BotServices;
  loadServices?: () => Promise<BotServices>;
}

export interface BotServer {
  server: Server;
  services: BotServices;
  /** Resolves once the knowledge base and trees are loaded; rejects if loading failed. */
  ready: Promise<void>;
  isReady(): boolean;
  /** Starts listening (config.port/host unless given); resolves to the base URL. */
  listen(port?: number, host?: string): Promise<string>;
  close(): Promise<void>;
  feedback: FeedbackLog;
  /** The event log (undefined when EVENT_LOG=off). */
  events?: EventLog;
}

/**
 * The HTTP server: POST /api/messages into the CloudAdapter, GET /healthz
 * (always 200) and GET /readyz (503 until ready). Bodies over the limit get
 * 413, malformed JSON 400, and activities without what the bot needs 400 before
 * they reach the adapter.
 */
export function createServer(options: CreateServerOptions): BotServer {
  const { config } = options;
  const logger = options.logger ?? silentLogger();
  const { storage, timeoutMs: storageTimeoutMs } = options.storage
    ? { storage: options.storage, timeoutMs: 0 }
    : createStorage({ connectionString: config.storageConnectionString, container: config.storageContainer, memoryTtlMinutes: config.memoryStateTtlMinutes });
  const services: BotServices = options.services ?? {};
  const events = createEventLog(config.events, logger);
  const feedback = new FeedbackLog(events ?? nullRecorder, logger);
  const bot = new TeamsBot({ storage, storageTimeoutMs, services, feedback, events, logger });
  const adapter = createAdapter(config, bot.replyToError);

  let ready = false;
  const readyPromise: Promise<void> = (async () => {
    if (options.loadServices) Object.assign(services, await options.loadServices());
    ready = true;
  })();
  readyPromise.catch((err: Error) => logger.error({ err: err.message }, 'loading the knowledge base or trees failed'));

  const server = restify.createServer({ name: 'pa-connection-bot', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: config.maxBodyBytes, mapParams: false, mapFiles: false, rejectUnknown: true }));

  server.get('/healthz', async (_req: Request, res: Response) => {
    res.send(200, { status: 'ok' });
  });
  server.get('/readyz', async (_req: Request, res: Response) => {
    res.send(ready ? 200 : 503, { status: ready ? 'ready' : 'loading' });
  });
  server.post('/api/messages', async (req: Request, res: Response) => {
    const problem = activityProblem(req.body);
    if (problem) {
      logger.info({ problem }, 'rejected a malformed activity');
      res.send(400, { error: 'BadRequest', message: problem });
      return;
    }
    try {
      await adapter.process(req, res, (context) => bot.run(context));
    } catch (err) {
      // process() answers itself in nearly every case; this is the last line of defence.
      logger.error({ err: (err as Error).message }, 'adapter failed');
      if (!res.headersSent) res.send(500, { error: 'InternalServerError' });
    }
  });

  return {
    server,
    services,
    ready: readyPromise,
    isReady: () => ready,
    feedback,
    events,
    listen(port = config.port, host = config.host) {
      return new Promise<string>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.removeListener('error', reject);
          const addr = server.address() as AddressInfo;
          const h = addr.family === 'IPv6' || addr.address.includes(':') ? `[${addr.address}]` : addr.address;
          resolve(`http://${h}:${addr.port}`);
        });
      });
    },
    async close() {
      await new Promise<void>((resolve) => {
        if (!server.server.listening) return resolve();
        server.close(() => resolve());
        // Keep-alive sockets would hold close() open; the tests and bench reuse ports quickly.
        (server.server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      await events?.close();
    },
  };
}
