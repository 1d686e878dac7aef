import { describe, expect, it } from '@jest/globals';
import { MessageStatus } from '@bluetick/contracts';
import { filtersFromSearch, filtersToSearch, hasFilters, NO_FILTERS, toggleStatus } from './message-filters';

describe('message filters', () => {
  it('reads known statuses in display order and ignores unknown ones', () => {
    const filters = filtersFromSearch(new URLSearchParams('status=read,bogus,sent&phone= 973 &replyId=ConfirmV1:b1'));
    expect(filters).toEqual({
      status: [MessageStatus.Sent, MessageStatus.Read],
      phone: '973',
      replyId: 'ConfirmV1:b1',
    });
  });

  it('round-trips through the URL', () => {
    const filters = { status: [MessageStatus.Delivered, MessageStatus.Failed], phone: '97333', replyId: 'b1' };
    expect(filtersFromSearch(filtersToSearch(filters))).toEqual(filters);
    expect(filtersToSearch(NO_FILTERS).toString()).toBe('');
  });

  it('toggles a status on and off, keeping the order', () => {
    const on = toggleStatus(toggleStatus(NO_FILTERS, MessageStatus.Replied), MessageStatus.Sent);
    expect(on.status).toEqual([MessageStatus.Sent, MessageStatus.Replied]);
    expect(toggleStatus(on, MessageStatus.Sent).status).toEqual([MessageStatus.Replied]);
    expect(hasFilters(NO_FILTERS)).toBe(false);
    expect(hasFilters(on)).toBe(true);
  });
});
