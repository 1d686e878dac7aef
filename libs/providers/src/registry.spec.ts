import { PROVIDERS, ProviderKind } from '@bluetick/contracts';
import { getProviderAdapter } from './index';

describe('getProviderAdapter', () => {
  it.each(PROVIDERS)('returns the %s adapter', (kind) => {
    const adapter = getProviderAdapter(kind);
    expect(adapter.kind).toBe(kind);
    expect(adapter.send.maxBatch).toBeGreaterThanOrEqual(1);
  });

  it('generic and sandbox share one webhook adapter', () => {
    expect(getProviderAdapter(ProviderKind.Sandbox).webhook).toBe(getProviderAdapter(ProviderKind.Generic).webhook);
  });

  it('throws on an unknown kind', () => {
    expect(() => getProviderAdapter('twilio' as ProviderKind)).toThrow("unknown provider kind 'twilio'");
  });
});
