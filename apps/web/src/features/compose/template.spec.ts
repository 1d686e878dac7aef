import { describe, expect, it } from '@jest/globals';
import { placeholdersOf, renderTemplate, withButtonIds } from './template';

describe('template', () => {
  it('lists distinct placeholders', () => {
    expect(placeholdersOf('Hi {{name}}, {{ date }} at {{time}} — {{name}}')).toEqual(['name', 'date', 'time']);
    expect(placeholdersOf('no vars {single}')).toEqual([]);
  });

  it('renders values and marks missing ones', () => {
    expect(renderTemplate('Hi {{name}}, see you {{date}}.', { name: 'Ali' })).toEqual([
      { kind: 'text', text: 'Hi ' },
      { kind: 'value', name: 'name', text: 'Ali' },
      { kind: 'text', text: ', see you ' },
      { kind: 'missing', name: 'date' },
      { kind: 'text', text: '.' },
    ]);
    expect(renderTemplate('')).toEqual([]);
  });
});

describe('button ids', () => {
  it('fills empty ids from titles, unique, keeping typed ones', () => {
    expect(
      withButtonIds([
        { id: '', title: 'Confirm ' },
        { id: 'confirm', title: 'Yes' },
        { id: '', title: 'Confirm' },
        { id: '', title: '👍' },
      ]),
    ).toEqual([
      { id: 'confirm-2', title: 'Confirm' },
      { id: 'confirm', title: 'Yes' },
      { id: 'confirm-3', title: 'Confirm' },
      { id: 'button-4', title: '👍' },
    ]);
  });
});
