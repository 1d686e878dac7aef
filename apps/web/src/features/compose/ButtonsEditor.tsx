import { BULK_LIMITS, type Button, type Problem } from '@bluetick/contracts';
import { problemIndex, problemsAt } from '../../api/problems';
import { FieldProblems } from '../../ui/Problems';
import { withButtonIds } from './template';

interface ButtonsEditorProps {
  buttons: Button[];
  onChange: (buttons: Button[]) => void;
  problems: readonly Problem[];
}

/** Up to 3 quick-reply buttons; an empty id is made from the title. */
export function ButtonsEditor({ buttons, onChange, problems }: ButtonsEditorProps) {
  const ids = withButtonIds(buttons);
  const update = (index: number, patch: Partial<Button>) =>
    onChange(buttons.map((b, i) => (i === index ? { ...b, ...patch } : b)));

  return (
    <fieldset className="field">
      <legend>
        Buttons <span className="muted">(optional, up to {BULK_LIMITS.maxButtons})</span>
      </legend>
      {buttons.map((button, i) => {
        const length = Array.from(button.title).length;
        return (
          <div key={i} className="button-row" data-testid="compose-button">
            <label className="field">
              <span>Title</span>
              <input
                value={button.title}
                onChange={(e) => update(i, { title: e.target.value })}
                placeholder="Confirm"
                data-testid={`compose-button-title-${i}`}
              />
              <span
                className={`counter${length > BULK_LIMITS.maxButtonTitle ? ' over' : ''}`}
                data-testid={`compose-button-counter-${i}`}
              >
                {length}/{BULK_LIMITS.maxButtonTitle}
              </span>
            </label>
            <label className="field">
              <span>ID</span>
              <input
                value={button.id}
                onChange={(e) => update(i, { id: e.target.value })}
                placeholder={ids[i].id || 'auto from title'}
                className="mono"
                data-testid={`compose-button-id-${i}`}
              />
            </label>
            <button
              type="button"
              className="btn-icon"
              aria-label={`Remove button ${i + 1}`}
              onClick={() => onChange(buttons.filter((_, j) => j !== i))}
              data-testid={`compose-button-remove-${i}`}
            >
              ×
            </button>
            <FieldProblems messages={problemsAt(problems, `buttons.${i}`)} testId={`compose-button-problems-${i}`} />
          </div>
        );
      })}
      {buttons.length < BULK_LIMITS.maxButtons && (
        <button type="button" className="btn btn-small" onClick={() => onChange([...buttons, { id: '', title: '' }])} data-testid="compose-add-button">
          + Add button
        </button>
      )}
      <FieldProblems
        messages={problems.filter((p) => problemsAt([p], 'buttons').length > 0 && problemIndex(p, 'buttons') === null).map((p) => p.message)}
      />
    </fieldset>
  );
}
