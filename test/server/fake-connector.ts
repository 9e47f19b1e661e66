import { createServer, type Server } from 'node:http';
import type { Reply } from './helpers.js';

/** One activity as the bot POSTed it to the connector. */
export interface Received {
  path: string;
  activity: Reply & Record<string, any>;
}

/**
 * A stand-in Bot Connector on a loopback port: records every activity the bot
 * POSTs back (what Teams would receive, after botbuilder's serializer) and answers
 * with a message id, as Teams does.
 */
export class FakeConnector {
  readonly received: Received[] = [];
  private server?: Server;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (c: string) => (body += c));
      req.on('end', () => {
        let activity: any;
        try {
          activity = JSON.parse(body);
        } catch {
          activity = { unparsable: body };
        }
        this.received.push({ path: req.url ?? '', activity });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `msg-${this.received.length}` }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as { port: number }).port}/`;
    return this;
  }

  /** The activities received since `from` (an index into `received`). */
  since(from: number): Reply[] {
    return this.received.slice(from).map((r) => r.activity);
  }

  close(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
