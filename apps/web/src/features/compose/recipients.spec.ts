import { describe, expect, it } from '@jest/globals';
import { parseCsv } from './csv';
import { looksLikePhone, parseRecipients, toRecipientInputs } from './recipients';

describe('parseCsv', () => {
  it('handles quotes, doubled quotes, CRLF and blank lines, keeping line numbers', () => {
    const rows = parseCsv('phone,name\r\n\r\n"+973 3333","Smith, ""JJ"""\n973444,"two\nlines"\n');
    expect(rows).toEqual([
      { cells: ['phone', 'name'], line: 1 },
      { cells: ['+973 3333', 'Smith, "JJ"'], line: 3 },
      { cells: ['973444', 'two\nlines'], line: 4 },
    ]);
  });

  it('splits on semicolons or tabs when the first line uses them', () => {
    expect(parseCsv('phone;name\n1;a')[1].cells).toEqual(['1', 'a']);
    expect(parseCsv('phone\tname\n1\ta')[1].cells).toEqual(['1', 'a']);
  });
});

describe('parseRecipients', () => {
  it('reads one number per line', () => {
    const parsed = parseRecipients('+973 3333 0273\n\n973-444-55566\n');
    expect(parsed.recipients).toEqual([
      { phone: '+973 3333 0273', line: 1 },
      { phone: '973-444-55566', line: 3 },
    ]);
    expect(parsed.columns).toEqual([]);
    expect(parsed.hints).toEqual([]);
  });

  it('skips a single-column header', () => {
    expect(parseRecipients('phone\n97333330273').recipients).toEqual([{ phone: '97333330273', line: 2 }]);
  });

  it('keeps a mistyped first number, so the server can say what is wrong with it', () => {
    expect(parseRecipients('12\n97333330273').recipients).toEqual([
      { phone: '12', line: 1 },
      { phone: '97333330273', line: 2 },
    ]);
  });

  it('reads CSV with a header: phone column anywhere, the rest as variables', () => {
    const parsed = parseRecipients('name,Phone,date\nAli,97333330273,Tue\nSara,97344455566,"Wed, 3pm"');
    expect(parsed.columns).toEqual(['name', 'date']);
    expect(toRecipientInputs(parsed.recipients)).toEqual([
      { phone: '97333330273', variables: { name: 'Ali', date: 'Tue' } },
      { phone: '97344455566', variables: { name: 'Sara', date: 'Wed, 3pm' } },
    ]);
  });

  it('takes the first column as the phone when no header names one', () => {
    const parsed = parseRecipients('mobile number,first\n97333330273,Ali');
    expect(parsed.recipients[0]).toMatchObject({ phone: '97333330273', variables: { first: 'Ali' } });
  });

  it('hints at odd numbers, duplicates, missing phones and a missing header — without dropping them', () => {
    const parsed = parseRecipients('phone,name\n12ab,X\n97333330273,A\n+973 3333 0273,B\n,C');
    expect(parsed.recipients.map((r) => r.phone)).toEqual(['12ab', '97333330273', '+973 3333 0273']);
    expect(parsed.hints.map((h) => h.line)).toEqual([2, 4, 5]);

    const noHeader = parseRecipients('97333330273,Ali\n97344455566,Sara');
    expect(noHeader.hints[0]).toMatchObject({ line: 1 });
    expect(noHeader.recipients).toHaveLength(1);
  });

  it('returns nothing for blank input', () => {
    expect(parseRecipients('  \n ')).toEqual({ recipients: [], columns: [], hints: [] });
  });

  it('recognises international numbers', () => {
    expect(looksLikePhone('+1 (415) 555-0100')).toBe(true);
    expect(looksLikePhone('12345')).toBe(false);
    expect(looksLikePhone('phone')).toBe(false);
  });
});
