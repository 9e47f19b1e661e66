/**
 * Outbound sends to a channel (replies, updates, deletes): each one is bounded
 * in time, retries included, so an unreachable serviceUrl cannot hold a turn for
 * long; in local mode (no app id, nothing authenticated) they may only go to
 * loopback serviceUrls or those allowed by ANONYMOUS_SERVICE_URLS, so the bot is
 * no relay.
 *
 * The one place that reaches into the connector: botbuilder's ConnectorFactory
 * replaces any request policies given in its options, and its ConnectorClient
 * takes a deadline only per call (the `timeout` and `abortSignal` request
 * options), which the adapter never passes. So the factory for a turn is wrapped
 * and each client's public sendOperationRequest, the single call every
 * operation goes through, adds those two options.
 */
import { ConnectorFactory, type ConnectorClient } from 'botframework-connector';
import { isLoopbackHost, type ServerConfig } from './config.js';

/** Whether replies for an activity with this serviceUrl may be sent (always, once a token vouched for it). */
export function serviceUrlAllowed(config: ServerConfig, serviceUrl: string): boolean {
  if (config.authEnabled) return true;
  if (!URL.canParse(serviceUrl)) return false;
  const url = new URL(serviceUrl);
  if (isLoopbackHost(url.hostname)) return true;
  return config.anonymousServiceUrls.some((allowed) => {
    const a = new URL(allowed);
    return a.origin === url.origin && url.pathname.startsWith(a.pathname);
  });
}

export class OutboundBlockedError extends Error {}

type SendOperation = ConnectorClient['sendOperationRequest'];

/** Connectors whose every call has a deadline and, in local mode, an allowed destination. */
export class BoundedConnectorFactory extends ConnectorFactory {
  constructor(
    private readonly inner: ConnectorFactory,
    private readonly config: ServerConfig,
  ) {
    super();
  }

  async create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    const client = await this.inner.create(serviceUrl, audience);
    const send: SendOperation = client.sendOperationRequest.bind(client);
    const { outboundTimeoutMs } = this.config;
    const allowed = serviceUrlAllowed(this.config, serviceUrl);
    const origin = URL.canParse(serviceUrl) ? new URL(serviceUrl).origin : 'an invalid serviceUrl';
    client.sendOperationRequest = ((args, spec, callback) => {
      if (!allowed) return Promise.reject(new OutboundBlockedError(`local mode: no send to ${origin} (not loopback, not in ANONYMOUS_SERVICE_URLS)`));
      // One deadline for the whole call: the pipeline's retries stop when it passes.
      const options = { timeout: outboundTimeoutMs, abortSignal: AbortSignal.timeout(outboundTimeoutMs), ...args.options };
      return send({ ...args, options }, spec, callback);
    }) as SendOperation;
    return client;
  }
}
