import type { OutboundMessage, TemplateSpec } from '../types';

/**
 * The Cloud API body for one message: a template when one is set (the only kind Meta
 * delivers outside the 24-hour window), reply buttons when there are buttons, else text.
 * Button limits (3, titles of 20) are enforced by job validation; should one slip
 * through, Meta's own error fails that one message with its reason.
 */
export function metaMessageBody(message: OutboundMessage): Record<string, unknown> {
  const envelope = { messaging_product: 'whatsapp', recipient_type: 'individual', to: message.to };
  if (message.template) return { ...envelope, type: 'template', template: templateOf(message.template) };
  if (message.buttons.length === 0) return { ...envelope, type: 'text', text: { preview_url: false, body: message.body } };
  return {
    ...envelope,
    type: 'interactive',
    interactive: {
      type: 'button',
      body: { text: message.body },
      action: { buttons: message.buttons.map(({ id, title }) => ({ type: 'reply', reply: { id, title } })) },
    },
  };
}

function templateOf({ name, language, bodyParameters, quickReplyPayloads = [] }: TemplateSpec): Record<string, unknown> {
  const components: Record<string, unknown>[] = [];
  if (bodyParameters.length > 0) {
    components.push({ type: 'body', parameters: bodyParameters.map((text) => ({ type: 'text', text })) });
  }
  quickReplyPayloads.forEach((payload, index) => {
    components.push({ type: 'button', sub_type: 'quick_reply', index: String(index), parameters: [{ type: 'payload', payload }] });
  });
  return { name, language: { code: language }, ...(components.length > 0 && { components }) };
}
