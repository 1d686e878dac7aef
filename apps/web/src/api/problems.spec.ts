import { describe, expect, it } from '@jest/globals';
import { normalizeProblemPath, problemIndex, problemsAt, problemsOutside } from './problems';

describe('problems', () => {
  it('normalises bracket, pointer and dotted paths', () => {
    expect(normalizeProblemPath('recipients[3].phone')).toBe('recipients.3.phone');
    expect(normalizeProblemPath('/recipients/3/phone')).toBe('recipients.3.phone');
    expect(normalizeProblemPath('body')).toBe('body');
  });

  it('finds problems at a path and below it, not at siblings with the same prefix', () => {
    const problems = [
      { path: 'buttons.0.title', message: 'too long' },
      { path: 'buttons', message: 'too many' },
      { path: 'buttonsX', message: 'other' },
      { path: 'body', message: 'empty' },
    ];
    expect(problemsAt(problems, 'buttons')).toEqual(['too long', 'too many']);
    expect(problemsAt(problems, 'buttons.0')).toEqual(['too long']);
    expect(problemsAt(problems, 'name')).toEqual([]);
  });

  it('extracts the index below a prefix', () => {
    expect(problemIndex({ path: 'recipients[12].phone', message: '' }, 'recipients')).toBe(12);
    expect(problemIndex({ path: 'recipients.4', message: '' }, 'recipients')).toBe(4);
    expect(problemIndex({ path: 'recipients', message: '' }, 'recipients')).toBeNull();
    expect(problemIndex({ path: 'channel.config.token', message: '' }, 'channel.config')).toBeNull();
  });
});

describe('problemsOutside', () => {
  it('keeps the problems no field shows', () => {
    const problems = [
      { path: 'email', message: 'taken' },
      { path: 'channel.config.token', message: 'required' },
      { path: '', message: 'general' },
    ];
    expect(problemsOutside(problems, ['email', 'channel.config']).map((p) => p.message)).toEqual(['general']);
  });
});
