import { describe, expect, it } from '@jest/globals';
import { slugify, truncate } from './text';

describe('text', () => {
  it('truncates by characters, not UTF-16 units, with an ellipsis', () => {
    expect(truncate('hello', 5)).toBe('hello');
    expect(truncate('hello world', 6)).toBe('hello…');
    expect(truncate('👍👍👍', 2)).toBe('👍👍…');
  });

  it('slugifies titles', () => {
    expect(slugify('  Réschedule me! ')).toBe('reschedule-me');
    expect(slugify('✓')).toBe('');
  });
});
