import { BULK_LIMITS, type Button } from '@bluetick/contracts';
import type { ProblemList } from './problem-list';
import { characterCount, isLongerThan } from './text-length';

export function checkBody(body: string, problems: ProblemList): void {
  if (body.trim() === '') {
    problems.add('body', 'write the message body: it is empty');
  } else if (isLongerThan(body, BULK_LIMITS.maxBody)) {
    problems.add('body', `body is ${characterCount(body)} characters: shorten it to at most ${BULK_LIMITS.maxBody}`);
  }
}

export function checkButtons(buttons: readonly Button[], problems: ProblemList): void {
  if (buttons.length > BULK_LIMITS.maxButtons) {
    const extra = buttons.length - BULK_LIMITS.maxButtons;
    problems.add(
      'buttons',
      `${buttons.length} buttons is more than WhatsApp allows: remove ${extra} (at most ${BULK_LIMITS.maxButtons})`,
    );
  }
  buttons.forEach((button, index) => {
    if (isLongerThan(button.title, BULK_LIMITS.maxButtonTitle)) {
      problems.add(
        `buttons[${index}].title`,
        `button title '${button.title}' is ${characterCount(button.title)} characters: shorten it to at most ${BULK_LIMITS.maxButtonTitle}`,
      );
    }
  });
  reportDuplicates(buttons, (button) => button.id, 'id', 'give each button its own id', problems);
  // Case-insensitive: customers cannot tell "Yes" from "yes" apart either.
  reportDuplicates(buttons, (button) => button.title.toLowerCase(), 'title', 'customers could not tell them apart', problems);
}

function reportDuplicates(
  buttons: readonly Button[],
  keyOf: (button: Button) => string,
  field: 'id' | 'title',
  why: string,
  problems: ProblemList,
): void {
  const firstIndex = new Map<string, number>();
  buttons.forEach((button, index) => {
    const key = keyOf(button);
    const first = firstIndex.get(key);
    if (first === undefined) firstIndex.set(key, index);
    else problems.add(`buttons[${index}].${field}`, `button ${field} '${button[field]}' is also used by buttons[${first}]: ${why}`);
  });
}
