import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { WEBHOOK_PATHS, WebhookKind } from '@bluetick/contracts';
import { buildSpecWebhookPayload, signStandardWebhook, type SpecWebhookItem } from '@bluetick/providers';
import { SandboxSends, type SandboxSent } from '@bluetick/api/bulk';
import { WebhookEndpointsService } from '@bluetick/api/webhooks';
import type { Subscription } from 'rxjs';
import { planSandboxCallbacks, sandboxRatesOf } from './sandbox-plan';

const FLUSH_MS = 250;
const MAX_ITEMS_PER_POST = 500;

/**
 * The sandbox provider's other half: a moment after a send it calls our own bulk
 * webhook over HTTP, signed like any provider, with delivered / read / reply / failed
 * events. Nothing is written to the database directly: it goes through the real webhook.
 */
@Injectable()
export class SandboxSimulatorService implements OnModuleInit, OnModuleDestroy {
  private readonly log = new Logger('Sandbox');
  private readonly due = new Map<string, SpecWebhookItem[]>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private subscription: Subscription | null = null;
  private flushTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly sends: SandboxSends,
    private readonly endpoints: WebhookEndpointsService,
    private readonly http: HttpAdapterHost,
  ) {}

  onModuleInit(): void {
    this.subscription = this.sends.sent$.subscribe((sent) => this.schedule(sent));
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
    for (const t of this.timers) clearTimeout(t);
    if (this.flushTimer) clearInterval(this.flushTimer);
    this.due.clear();
  }

  private schedule({ channel, messages }: SandboxSent): void {
    const rates = sandboxRatesOf(channel.config);
    for (const m of messages) {
      for (const { delayMs, item } of planSandboxCallbacks({ messageId: m.messageId, to: m.to, buttons: m.buttons }, rates)) {
        const timer = setTimeout(() => {
          this.timers.delete(timer);
          const queue = this.due.get(channel.userId);
          if (queue) queue.push(item);
          else this.due.set(channel.userId, [item]);
        }, delayMs);
        this.timers.add(timer);
      }
    }
    this.flushTimer ??= setInterval(() => void this.flush(), FLUSH_MS);
  }

  private async flush(): Promise<void> {
    for (const [userId, items] of this.due) {
      this.due.delete(userId);
      for (let i = 0; i < items.length; i += MAX_ITEMS_PER_POST) await this.post(userId, items.slice(i, i + MAX_ITEMS_PER_POST));
    }
    if (this.timers.size === 0 && this.due.size === 0 && this.flushTimer) {
      clearInterval(this.flushTimer);
      this.flushTimer = null;
    }
  }

  private async post(userId: string, items: SpecWebhookItem[]): Promise<void> {
    const { bulk } = await this.endpoints.ensureForUser(userId);
    const body = JSON.stringify(buildSpecWebhookPayload(items, `evt_${randomBytes(9).toString('base64url')}`));
    const headers = signStandardWebhook({ secret: bulk.secret, id: `msg_${randomBytes(9).toString('base64url')}`, timestamp: new Date(), body });
    const address = this.http.httpAdapter.getHttpServer().address() as AddressInfo | null;
    if (!address) return;
    const { port } = address;
    try {
      const res = await fetch(`http://127.0.0.1:${port}${WEBHOOK_PATHS[WebhookKind.Bulk]}/${bulk.key}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body });
      // 404: the bulk module was disabled meanwhile, just as a real provider would see it.
      if (!res.ok && res.status !== 404) this.log.warn(`sandbox callback answered ${res.status}`);
    } catch (err) {
      this.log.warn(`sandbox callback failed: ${(err as Error).message}`);
    }
  }
}
