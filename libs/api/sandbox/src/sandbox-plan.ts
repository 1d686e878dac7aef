import { MessageStatus, ReplyType, type Button } from '@bluetick/contracts';
import { specReplyItem, specStatusItem, type SpecWebhookItem } from '@bluetick/providers';

export interface SandboxRates {
  deliverRate: number;
  readRate: number;
  replyRate: number;
}

export const DEFAULT_SANDBOX_RATES: SandboxRates = { deliverRate: 0.95, readRate: 0.8, replyRate: 0.6 };

const TEXT_REPLIES = ['Yes, confirmed', 'Can we do tomorrow instead?', 'Thanks!', 'Who is this?'];

export interface PlannedCallback {
  delayMs: number;
  item: SpecWebhookItem;
}

/**
 * What a simulated customer does with one message: delivered (or failed), maybe read,
 * maybe a reply — a click on one of the job's own buttons, or a short text.
 */
export function planSandboxCallbacks(
  message: { messageId: string; to: string; buttons: Button[] },
  rates: SandboxRates,
  random: () => number = Math.random,
): PlannedCallback[] {
  const between = (min: number, max: number) => Math.round(min + random() * (max - min));
  const { messageId } = message;
  if (random() >= rates.deliverRate) {
    return [{ delayMs: between(500, 2500), item: specStatusItem({ messageId, status: MessageStatus.Failed, at: new Date(), reason: 'Recipient is not a WhatsApp user (sandbox)', errorCode: '131026' }) }];
  }
  let at = between(500, 2500);
  const plan: PlannedCallback[] = [{ delayMs: at, item: specStatusItem({ messageId, status: MessageStatus.Delivered }) }];
  if (random() >= rates.readRate) return plan;
  at += between(500, 4000);
  plan.push({ delayMs: at, item: specStatusItem({ messageId, status: MessageStatus.Read }) });
  if (random() >= rates.replyRate) return plan;
  at += between(500, 5000);
  const clickButton = message.buttons.length > 0 && random() < 0.85;
  const reply = clickButton
    ? (() => {
        const button = message.buttons[Math.floor(random() * message.buttons.length)];
        return { type: ReplyType.ButtonsReply, id: button.id, title: button.title } as const;
      })()
    : ({ type: ReplyType.Text, text: TEXT_REPLIES[Math.floor(random() * TEXT_REPLIES.length)] } as const);
  plan.push({ delayMs: at, item: specReplyItem({ messageId, reply, from: message.to }) });
  return plan;
}

/** A channel's sandbox config with defaults for what it leaves out. */
export function sandboxRatesOf(config: Record<string, unknown>): SandboxRates {
  const rate = (key: keyof SandboxRates) => (typeof config[key] === 'number' ? (config[key] as number) : DEFAULT_SANDBOX_RATES[key]);
  return { deliverRate: rate('deliverRate'), readRate: rate('readRate'), replyRate: rate('replyRate') };
}
