import { randomBytes } from 'node:crypto';
import type { OutboundMessage } from '@bluetick/providers';
import type { ChannelEntity } from '@bluetick/api/channels';
import type { RatePacer } from './rate-pacer';
import type { DeliveryResult, SendTransport } from './send-transport';

export interface SandboxSent {
  channel: ChannelEntity;
  messages: Array<OutboundMessage & { messageId: string }>;
}

/**
 * The sandbox provider: accepts every message at once with a fresh id, like a real
 * Send API, and hands what it "sent" to a listener (the simulator that calls our webhook).
 */
export class SandboxTransport implements SendTransport {
  constructor(private readonly onSent: (sent: SandboxSent) => void) {}

  async send(channel: ChannelEntity, messages: OutboundMessage[], pacer: RatePacer, onResults: (results: DeliveryResult[]) => void): Promise<void> {
    await pacer.take(messages.length);
    const sent = messages.map((m) => ({ ...m, messageId: `sbx_${randomBytes(12).toString('base64url')}` }));
    onResults(sent.map((m) => ({ ref: m.ref, messageId: m.messageId })));
    this.onSent({ channel, messages: sent });
  }
}
