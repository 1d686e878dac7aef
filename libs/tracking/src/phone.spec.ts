import { normalisePhone } from './phone';

describe('normalisePhone', () => {
  it.each([
    ['+973 3330-2738', '97333302738'],
    ['97333302738', '97333302738'],
    ['+973.3330.2738', '97333302738'],
    ['(+973) 3330 2738', '97333302738'],
    ['00973 3330 2738', '97333302738'],
    ['+1 (415) 555-2671', '14155552671'],
    ['+44 7911 123456', '447911123456'],
    ['\u00a0+97317000000 ', '97317000000'],
  ])('%s → %s', (input, phone) => {
    expect(normalisePhone(input)).toEqual({ ok: true, phone });
  });

  it.each([
    ['12'],
    ['973333027386'], // the spec's example has one digit too many for Bahrain
    ['+97399999999'], // right length, but no Bahrain number starts with 9 (needs full metadata)
    ['33302738'], // national format: no country code
    ['+973 3330 273x'],
    [''],
    ['++97333302738'],
    ['+9733330273801234567'],
  ])('rejects %p', (input) => {
    const result = normalisePhone(input);
    expect(result.ok).toBe(false);
  });

  it('says what is wrong and how to fix it', () => {
    expect(normalisePhone('12')).toEqual({
      ok: false,
      error: "'12' is not a valid international phone number: include the country code, e.g. +97333302738",
    });
  });

  it('shortens an absurdly long input in the message', () => {
    const result = normalisePhone('9'.repeat(500));
    expect(!result.ok && result.error.length).toBeLessThan(150);
  });
});
