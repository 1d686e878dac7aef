import { Logger } from '@nestjs/common';
import type { ProviderKind } from '@bluetick/contracts';
import { getProviderAdapter, type HttpRequestSpec, type OutboundMessage, type SendOutcome } from '@bluetick/providers';
import type { ChannelEntity } from '@bluetick/api/channels';
import type { RatePacer } from './rate-pacer';
import type { DeliveryResult, SendTransport } from './send-transport';

/** Errors raised before a request left this machine: nothing reached the provider. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);
const CONNECT_RETRY_MS = 2000;

export interface HttpTransportOptions {
  timeoutMs: number;
  maxInFlight: number;
}

/** Sends through a provider's HTTP Send API, using its pure adapter for the format. */
export class HttpTransport implements SendTransport {
  private readonly log = new Logger('Send');

  constructor(
    private readonly kind: ProviderKind,
    private readonly options: HttpTransportOptions,
  ) {}

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

  private async execute(request: HttpRequestSpec, parse: (r: { status: number; headers: Record<string, string>; body: string }) => SendOutcome): Promise<DeliveryResult[]> {
    let outcome: SendOutcome;
    try {
      const response = await fetch(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body,
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      const body = await response.text();
      outcome = parse({ status: response.status, headers: Object.fromEntries(response.headers), body });
    } catch (err) {
      return request.refs.map((ref) => this.networkFailure(ref, err));
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

  private networkFailure(ref: string, err: unknown): DeliveryResult {
    const cause = (err as { cause?: { code?: string } }).cause;
    if (cause?.code && NOT_SENT_CODES.has(cause.code)) {
      return { ref, requeueAfterMs: CONNECT_RETRY_MS, reason: `provider unreachable (${cause.code})` };
    }
    const what = (err as Error).name === 'TimeoutError' ? 'no answer in time' : (cause?.code ?? (err as Error).message);
    this.log.warn(`send outcome unknown (${what}); not re-sending`);
    return { ref, failure: `outcome unknown: ${what}; not re-sent to avoid a duplicate` };
  }
}
