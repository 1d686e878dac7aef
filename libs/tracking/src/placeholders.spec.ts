import { listPlaceholders, renderBody } from './placeholders';

describe('listPlaceholders', () => {
  it('finds each name once, in order, allowing spaces inside the braces', () => {
    expect(listPlaceholders('Hi {{name}}, your {{ order.id }} ({{name}}) is at {{branch-2}} {{ a_b }}')).toEqual([
      'name',
      'order.id',
      'branch-2',
      'a_b',
    ]);
  });

  it('ignores braces that are not placeholders', () => {
    expect(listPlaceholders('{name} {{}} {{ first name }} {{na!me}} {{{x}}}')).toEqual(['x']);
  });
});

describe('renderBody', () => {
  it('fills every placeholder', () => {
    expect(renderBody('Hi {{ name }}, order {{id}} for {{name}}', { name: 'Fatima', id: '991' })).toEqual({
      text: 'Hi Fatima, order 991 for Fatima',
      missing: [],
    });
  });

  it('reports missing values once each and leaves them as written', () => {
    expect(renderBody('{{a}} {{ b }} {{b}}', {})).toEqual({ text: '{{a}} {{ b }} {{b}}', missing: ['a', 'b'] });
  });

  it('does not expand placeholders inside values, nor use inherited keys', () => {
    expect(renderBody('{{a}} {{toString}}', { a: '{{b}}', b: 'no' })).toEqual({ text: '{{b}} {{toString}}', missing: ['toString'] });
  });

  it('inserts values with $ patterns literally', () => {
    expect(renderBody('cost: {{p}}', { p: "$& $1 $'" }).text).toBe("cost: $& $1 $'");
  });

  it('an empty value is a value', () => {
    expect(renderBody('Hi {{name}}!', { name: '' })).toEqual({ text: 'Hi !', missing: [] });
  });
});
