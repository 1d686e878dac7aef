import { BULK_LIMITS } from '@bluetick/contracts';
import { MAX_REPORTED_PROBLEMS } from './problem-list';
import { validateCreateJob, type CreateJobValidation } from './validate-create-job';

const PHONE = '+973 3330-2738';
const OTHER_PHONE = '+97317000000';

const problemsOf = (result: CreateJobValidation) => (result.ok ? [] : result.problems);
const pathsOf = (result: CreateJobValidation) => problemsOf(result).map((problem) => problem.path);

/** A list of distinct valid Bahrain mobile numbers. */
const phones = (count: number) => Array.from({ length: count }, (_, i) => `+9733${String(3000000 + i).padStart(7, '0')}`);

describe('validateCreateJob: valid input', () => {
  it('normalises phones, renders each body and trims the name', () => {
    const result = validateCreateJob({
      name: '  October reminders ',
      body: 'Hi {{ name }}, confirm your slot?',
      buttons: [
        { id: 'b1', title: 'Confirm' },
        { id: 'b2', title: 'Reschedule' },
      ],
      recipients: [
        { phone: PHONE, variables: { name: 'Fatima' } },
        { phone: OTHER_PHONE, variables: { name: 7 } },
      ],
    });
    expect(result).toEqual({
      ok: true,
      value: {
        name: 'October reminders',
        body: 'Hi {{ name }}, confirm your slot?',
        buttons: [
          { id: 'b1', title: 'Confirm' },
          { id: 'b2', title: 'Reschedule' },
        ],
        recipients: [
          { phone: '97333302738', variables: { name: 'Fatima' }, renderedBody: 'Hi Fatima, confirm your slot?', templateParameters: null },
          { phone: '97317000000', variables: { name: '7' }, renderedBody: 'Hi 7, confirm your slot?', templateParameters: null },
        ],
        template: null,
        duplicatesMerged: 0,
      },
    });
  });

  it('fills template parameters per recipient and reports a missing one', () => {
    const template = { name: 'reminder', language: 'en_US', bodyParameters: ['{{name}}', 'at {{time}}'] };
    const ok = validateCreateJob({ body: 'Reminder', template, recipients: [{ phone: PHONE, variables: { name: 'Fatima', time: '10:00' } }] });
    expect(ok.ok && ok.value.recipients[0].templateParameters).toEqual(['Fatima', 'at 10:00']);
    expect(ok.ok && ok.value.template).toEqual(template);
    const missing = validateCreateJob({ body: 'Reminder', template, recipients: [{ phone: PHONE, variables: { name: 'Fatima' } }] });
    expect(!missing.ok && missing.problems).toEqual([{ path: 'recipients[0].variables.time', message: expect.stringMatching(/template parameters/) }]);
  });

  it('merges recipients with the same normalised phone, first one wins, and counts them', () => {
    const result = validateCreateJob({
      body: 'Hi {{name}}',
      recipients: [
        { phone: PHONE, variables: { name: 'First' } },
        { phone: '97333302738' }, // no variables: would be a problem, but it is merged away
        { phone: '+973 33302738', variables: { name: 'Third' } },
      ],
    });
    expect(result.ok && result.value.recipients).toEqual([
      { phone: '97333302738', variables: { name: 'First' }, renderedBody: 'Hi First', templateParameters: null },
    ]);
    expect(result.ok && result.value.duplicatesMerged).toBe(2);
  });

  it('defaults: no name → null, no buttons → []', () => {
    const result = validateCreateJob({ body: 'Hello', recipients: [{ phone: PHONE }] });
    expect(result.ok && [result.value.name, result.value.buttons]).toEqual([null, []]);
  });

  it('counts characters, not UTF-16 units: 20 emoji fit a button title', () => {
    const title = '✅'.repeat(10) + '😀'.repeat(10);
    expect(validateCreateJob({ body: 'x', buttons: [{ id: 'b', title }], recipients: [{ phone: PHONE }] }).ok).toBe(true);
  });
});

describe('validateCreateJob: problems', () => {
  it('reports every problem at once, job-level first, each with a path and what to fix', () => {
    const result = validateCreateJob({
      body: 'x'.repeat(BULK_LIMITS.maxBody + 1),
      buttons: [
        { id: 'b1', title: 'Confirm' },
        { id: 'b1', title: 'A title that is far too long' },
        { id: 'b3', title: 'confirm' },
        { id: 'b4', title: 'Four' },
      ],
      recipients: [{ phone: PHONE }, { phone: '12' }, { phone: OTHER_PHONE }, { phone: '973333027386' }],
    });
    expect(problemsOf(result)).toEqual([
      { path: 'body', message: 'body is 1025 characters: shorten it to at most 1024' },
      { path: 'buttons', message: '4 buttons is more than WhatsApp allows: remove 1 (at most 3)' },
      {
        path: 'buttons[1].title',
        message: "button title 'A title that is far too long' is 28 characters: shorten it to at most 20",
      },
      { path: 'buttons[1].id', message: "button id 'b1' is also used by buttons[0]: give each button its own id" },
      {
        path: 'buttons[2].title',
        message: "button title 'confirm' is also used by buttons[0]: customers could not tell them apart",
      },
      {
        path: 'recipients[1].phone',
        message: "'12' is not a valid international phone number: include the country code, e.g. +97333302738",
      },
      {
        path: 'recipients[3].phone',
        message:
          "'973333027386' is not a valid international phone number: include the country code, e.g. +97333302738",
      },
    ]);
  });

  it.each([
    ['no recipients', { body: 'Hi', recipients: [] }, 'recipients', 'add at least one recipient'],
    ['an empty body', { body: '  \n', recipients: [{ phone: PHONE }] }, 'body', 'write the message body: it is empty'],
  ])('%s', (_name, input, path, message) => {
    expect(problemsOf(validateCreateJob(input))).toEqual([{ path, message }]);
  });

  it('a placeholder without a value for a recipient names the variable', () => {
    const result = validateCreateJob({
      body: 'Hi {{name}}, slot {{ slot.time }}',
      recipients: [{ phone: PHONE, variables: { name: 'A', 'slot.time': '9' } }, { phone: OTHER_PHONE, variables: {} }],
    });
    expect(problemsOf(result)).toEqual([
      {
        path: 'recipients[1].variables.name',
        message: "no value for {{name}}: add 'name' to this recipient's variables or remove {{name}} from the body",
      },
      {
        path: 'recipients[1].variables["slot.time"]',
        message:
          "no value for {{slot.time}}: add 'slot.time' to this recipient's variables or remove {{slot.time}} from the body",
      },
    ]);
  });

  it('a body that only grows too long once filled in is reported on that recipient', () => {
    const result = validateCreateJob({
      body: 'Note: {{note}}',
      recipients: [
        { phone: PHONE, variables: { note: 'short' } },
        { phone: OTHER_PHONE, variables: { note: 'n'.repeat(BULK_LIMITS.maxBody) } },
      ],
    });
    expect(problemsOf(result)).toEqual([
      {
        path: 'recipients[1].variables',
        message: 'with its variables filled in this message is 1030 characters: keep it to at most 1024',
      },
    ]);
  });

  it('more than 100,000 recipients', () => {
    const recipients = phones(BULK_LIMITS.maxRecipients + 1).map((phone) => ({ phone }));
    expect(problemsOf(validateCreateJob({ body: 'Hi', recipients }))).toEqual([
      {
        path: 'recipients',
        message: '100001 recipients is more than one job may have: split the list into jobs of at most 100000',
      },
    ]);
  });

  it(`lists the first ${MAX_REPORTED_PROBLEMS} problems and summarises the rest`, () => {
    const recipients = Array.from({ length: 250 }, () => ({ phone: 'nope' }));
    const problems = problemsOf(validateCreateJob({ body: '', recipients }));
    expect(problems).toHaveLength(MAX_REPORTED_PROBLEMS + 1);
    expect(problems[0]!.path).toBe('body');
    expect(problems[MAX_REPORTED_PROBLEMS - 1]!.path).toBe('recipients[98].phone');
    expect(problems[MAX_REPORTED_PROBLEMS]).toEqual({
      path: '',
      message: 'and 151 more problems not listed: fix these and submit again to see the rest',
    });
  });

  it('shape errors come from the schema, with paths', () => {
    const result = validateCreateJob({ body: 42, buttons: [{ id: '', title: 'x' }], recipients: [{ phone: null }] });
    expect(problemsOf(result)).toEqual([
      { path: 'body', message: 'body must be a string' },
      { path: 'buttons[0].id', message: 'button id is required' },
      { path: 'recipients[0].phone', message: 'recipients[0].phone must be a string' },
    ]);
  });

  it('a body that is not an object at all', () => {
    expect(pathsOf(validateCreateJob(null))).toEqual(['']);
    expect(problemsOf(validateCreateJob('x'))[0]!.message).toBe('the request body must be an object');
  });
});

describe('validateCreateJob: scale', () => {
  it('handles 100,000 recipients with placeholders (linear, no quadratic duplicate check)', () => {
    const recipients = phones(BULK_LIMITS.maxRecipients).map((phone, i) => ({ phone, variables: { n: i } }));
    const result = validateCreateJob({ body: 'Hello {{n}}', recipients });
    expect(result.ok && result.value.recipients.length).toBe(BULK_LIMITS.maxRecipients);
    expect(result.ok && result.value.recipients[99_999]!.renderedBody).toBe('Hello 99999');
  });
});
