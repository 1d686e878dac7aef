import { describe, expect, it } from '@jest/globals';
import { toQueryString } from './query-string';

describe('toQueryString', () => {
  it('skips empty values and comma-joins arrays', () => {
    expect(toQueryString({ status: ['sent', 'delivered'], phone: '', replyId: undefined, limit: 50, cursor: null })).toBe(
      '?status=sent%2Cdelivered&limit=50',
    );
    expect(toQueryString({ status: [] })).toBe('');
  });

  it('encodes reserved characters', () => {
    expect(toQueryString({ replyId: 'ConfirmV1:b1', phone: '+973 33' })).toBe('?replyId=ConfirmV1%3Ab1&phone=%2B973+33');
  });
});
