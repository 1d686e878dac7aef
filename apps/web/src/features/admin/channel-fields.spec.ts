import { describe, expect, it } from '@jest/globals';
import { DEFAULT_GRAPH_API_BASE, MASKED_SECRET, ProviderKind, type Channel } from '@bluetick/contracts';
import { buildChannelInput, channelFields, fieldLabel, initialConfigValues, storedSecret } from './channel-fields';

const metaChannel: Channel = {
  provider: ProviderKind.Meta,
  config: {
    phoneNumberId: '1234567890',
    accessToken: MASKED_SECRET,
    appSecret: MASKED_SECRET,
    verifyToken: MASKED_SECRET,
    graphApiBase: DEFAULT_GRAPH_API_BASE,
  },
  rateLimitPerSecond: 80,
};

describe('channelFields', () => {
  it('reads the fields, secrets and defaults of a provider from its schema', () => {
    expect(channelFields(ProviderKind.Meta)).toEqual([
      { key: 'phoneNumberId', label: 'Phone number ID', kind: 'text', required: true, defaultValue: null },
      { key: 'accessToken', label: 'Access token', kind: 'secret', required: true, defaultValue: null },
      { key: 'appSecret', label: 'App secret', kind: 'secret', required: true, defaultValue: null },
      { key: 'verifyToken', label: 'Verify token', kind: 'secret', required: true, defaultValue: null },
      { key: 'graphApiBase', label: 'Graph API base', kind: 'text', required: false, defaultValue: DEFAULT_GRAPH_API_BASE },
    ]);
    expect(channelFields(ProviderKind.Sandbox).map((f) => [f.key, f.kind, f.required])).toEqual([
      ['deliverRate', 'number', false],
      ['readRate', 'number', false],
      ['replyRate', 'number', false],
    ]);
    expect(channelFields(ProviderKind.Generic).map((f) => f.key)).toEqual(['baseUrl', 'token']);
  });

  it('labels camelCase keys', () => {
    expect(fieldLabel('baseUrl')).toBe('Base URL');
    expect(fieldLabel('webhookAuthorization')).toBe('Webhook authorization');
  });
});

describe('channel form values', () => {
  it('prefills stored non-secret values of the same provider only, never secrets', () => {
    expect(initialConfigValues(ProviderKind.Meta, metaChannel)).toEqual({
      phoneNumberId: '1234567890',
      accessToken: '',
      appSecret: '',
      verifyToken: '',
      graphApiBase: DEFAULT_GRAPH_API_BASE,
    });
    expect(initialConfigValues(ProviderKind.Generic, metaChannel)).toEqual({ baseUrl: '', token: '' });
    expect(storedSecret(ProviderKind.Meta, metaChannel, 'accessToken')).toBe(MASKED_SECRET);
    expect(storedSecret(ProviderKind.Whapi, metaChannel, 'token')).toBeNull();
  });

  it('sends only typed values: untyped secrets stay stored, numbers as numbers', () => {
    const values = { ...initialConfigValues(ProviderKind.Meta, metaChannel), appSecret: ' new-secret ' };
    expect(buildChannelInput(ProviderKind.Meta, values, '20')).toEqual({
      provider: ProviderKind.Meta,
      config: { phoneNumberId: '1234567890', appSecret: 'new-secret', graphApiBase: DEFAULT_GRAPH_API_BASE },
      rateLimitPerSecond: 20,
    });
    expect(buildChannelInput(ProviderKind.Sandbox, { deliverRate: '0.9', readRate: '', replyRate: 'lots' }, '')).toEqual({
      provider: ProviderKind.Sandbox,
      config: { deliverRate: 0.9, replyRate: 'lots' },
    });
  });
});
