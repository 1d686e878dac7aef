import type { Button } from '@bluetick/contracts';
import type { ParsedRecipient } from './recipients';
import { renderTemplate } from './template';

interface MessagePreviewProps {
  body: string;
  buttons: readonly Button[];
  recipient: ParsedRecipient | undefined;
}

/** The first recipient's message as WhatsApp shows it: a bubble with its buttons underneath. */
export function MessagePreview({ body, buttons, recipient }: MessagePreviewProps) {
  const parts = renderTemplate(body, recipient?.variables);
  const titled = buttons.filter((b) => b.title.trim());
  return (
    <div className="preview" data-testid="compose-preview">
      <div className="preview-head">
        <span className="preview-avatar" aria-hidden>
          ✓✓
        </span>
        <span>{recipient ? `Preview for ${recipient.phone}` : 'Preview'}</span>
      </div>
      <div className="preview-chat">
        <div className="bubble">
          <p className="bubble-text" data-testid="preview-text">
            {parts.length === 0 && <span className="muted">Your message appears here.</span>}
            {parts.map((part, i) =>
              part.kind === 'text' ? (
                <span key={i}>{part.text}</span>
              ) : part.kind === 'value' ? (
                <span key={i} className="filled" title={`{{${part.name}}}`}>
                  {part.text}
                </span>
              ) : (
                <mark key={i} className="missing" title="No value for this recipient">
                  {`{{${part.name}}}`}
                </mark>
              ),
            )}
          </p>
          <span className="bubble-time">
            {new Date().toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })} <span className="ticks">✓✓</span>
          </span>
        </div>
        {titled.length > 0 && (
          <div className="bubble-buttons">
            {titled.map((b, i) => (
              <span key={i} className="bubble-button" data-testid="preview-button">
                {b.title}
              </span>
            ))}
          </div>
        )}
      </div>
    </div>
  );
}
