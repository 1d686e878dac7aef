import { ProviderKind, WebhookKind, type DeliveryOutcome } from '@bluetick/contracts';

export const PROVIDER_LABELS: Record<ProviderKind, string> = {
  [ProviderKind.Sandbox]: 'Sandbox (simulated)',
  [ProviderKind.Generic]: 'Generic Send API',
  [ProviderKind.Meta]: 'Meta WhatsApp Cloud API',
  [ProviderKind.Whapi]: 'Whapi.Cloud',
};

export const WEBHOOK_LABELS: Record<WebhookKind, { title: string; module: string }> = {
  [WebhookKind.Bulk]: { title: 'Bulk status webhook', module: 'Bulk' },
  [WebhookKind.Workflow]: { title: 'Workflow webhook', module: 'Workflow' },
};

/** Badge tone of a webhook delivery's outcome. */
export function outcomeTone(outcome: DeliveryOutcome): string {
  return `outcome-${outcome}`;
}
