import { Logger } from '@nestjs/common';
import type { ProviderKind } from '@bluetick/contracts';
import { getProviderAdapter, type HttpRequestSpec, type HttpResponseSpec, type OutboundMessage, type SendOutcome } from '@bluetick/providers';
import type { ChannelEntity } from '@bluetick/api/channels';
import { KeepAliveHttpClient, type HttpExchange } from './keep-alive-http-client';
import type { RatePacer } from './rate-pacer';
import type { DeliveryResult, SendTransport } from './send-transport';

/** Errors worth trying again later, when they came before any byte of the request left. */
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'ECONNRESET', 'EPIPE']);
const CONNECT_RETRY_MS = 2000;

export interface HttpTransportOptions {
  timeoutMs: number;
  maxInFlight: number;
}

/** Sends through a provider's HTTP Send API, using its pure adapter for the format. */
export class HttpTransport implements SendTransport {
  private readonly log = new Logger('Send');
  private readonly client: KeepAliveHttpClient;

  constructor(
    private readonly kind: ProviderKind,
    private readonly options: HttpTransportOptions,
  ) {
    this.client = new KeepAliveHttpClient(options.maxInFlight, options.timeoutMs);
  }

  async send(channel: ChannelEntity, messages: OutboundMessage[], pacer: RatePacer, onResults: (results: DeliveryResult[]) => void): Promise<void> {
    const adapter = getProviderAdapter(this.kind).send;
    const requests = adapter.buildSendRequests(channel.config, messages);
    let next = 0;
    const worker = async () => {
      while (next < requests.length) {
        const request = requests[next++];
        await pacer.take(request.refs.length);
        onResults(await this.execute(request, (response) => adapter.parseSendResponse(request, response)));
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.options.maxInFlight, requests.length) }, worker));
  }

  private async execute(request: HttpRequestSpec, parse: (response: HttpResponseSpec) => SendOutcome): Promise<DeliveryResult[]> {
    const exchange = await this.client.exchange(request);
    if (exchange.kind === 'failed') return request.refs.map((ref) => this.networkFailure(ref, exchange));
    let outcome: SendOutcome;
    try {
      outcome = parse(exchange);
    } catch (err) {
      return request.refs.map((ref) => ({ ref, failure: `outcome unknown: unreadable response (${(err as Error).message}); not re-sent to avoid a duplicate` }));
    }
    if (outcome.kind === 'retry') {
      return request.refs.map((ref) => ({ ref, requeueAfterMs: outcome.retryAfterMs, reason: outcome.reason }));
    }
    return outcome.results.map((r) =>
      'messageId' in r
        ? { ref: r.ref, messageId: r.messageId }
        : r.error.retryable
          ? { ref: r.ref, requeueAfterMs: CONNECT_RETRY_MS, reason: r.error.reason }
          : { ref: r.ref, failure: r.error.reason },
    );
  }

  private networkFailure(ref: string, failed: Extract<HttpExchange, { kind: 'failed' }>): DeliveryResult {
    if (!failed.mayHaveLeft) {
      if (failed.timedOut) return { ref, requeueAfterMs: CONNECT_RETRY_MS, reason: 'provider unreachable (no connection in time)' };
      if (UNREACHABLE_CODES.has(failed.code)) return { ref, requeueAfterMs: CONNECT_RETRY_MS, reason: `provider unreachable (${failed.code})` };
      // Nothing left, but trying again would fail the same way (bad certificate, bad URL).
      return { ref, failure: `not sent: ${failed.code}` };
    }
    const what = failed.timedOut ? 'no answer in time' : failed.code;
    this.log.warn(`send outcome unknown (${what}); not re-sending`);
    return { ref, failure: `outcome unknown: ${what}; not re-sent to avoid a duplicate` };
  }
}
