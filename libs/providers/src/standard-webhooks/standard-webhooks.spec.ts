import { NOW, NOW_SECONDS } from '../testing/http';
import { MAX_SECRET_BYTES, MIN_SECRET_BYTES, generateWebhookSecret, webhookSecretKey } from './secret';
import { signStandardWebhook } from './signature';
import { verifyStandardWebhook } from './verify';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const BODY = '{"event_id":"evt_7f2a","messages":[]}';

const signed = (overrides: { secret?: string; timestamp?: number; body?: string; id?: string } = {}) =>
  signStandardWebhook({
    secret: overrides.secret ?? SECRET,
    id: overrides.id ?? 'msg_1',
    timestamp: overrides.timestamp ?? NOW_SECONDS,
    body: overrides.body ?? BODY,
  });

const verify = (headers: Record<string, string | string[] | undefined>, body: string | Buffer = BODY, now = NOW) =>
  verifyStandardWebhook({ secret: SECRET, headers, rawBody: body, now });

describe('generateWebhookSecret', () => {
  it('is whsec_ + standard base64 of 32 random bytes by default', () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+={0,2}$/);
    expect(webhookSecretKey(secret)).toHaveLength(32);
    expect(generateWebhookSecret()).not.toBe(secret);
  });

  it.each([MIN_SECRET_BYTES, MAX_SECRET_BYTES])('accepts %i bytes', (bytes) => {
    expect(webhookSecretKey(generateWebhookSecret(bytes))).toHaveLength(bytes);
  });

  it.each([MIN_SECRET_BYTES - 1, MAX_SECRET_BYTES + 1, 32.5])('refuses %p bytes', (bytes) => {
    expect(() => generateWebhookSecret(bytes)).toThrow(RangeError);
  });

  it('decodes a secret with or without the prefix; null when not base64', () => {
    expect(webhookSecretKey('whsec_AAAA')).toEqual(Buffer.from([0, 0, 0]));
    expect(webhookSecretKey('AAAA')).toEqual(Buffer.from([0, 0, 0]));
    expect(webhookSecretKey('whsec_not base64!')).toBeNull();
  });
});

describe('signStandardWebhook', () => {
  it('matches the Standard Webhooks reference vector', () => {
    expect(
      signStandardWebhook({ secret: SECRET, id: 'msg_p5jXN8AQM9LWM0D4loKWxJek', timestamp: 1614265330, body: '{"test": 2432232314}' }),
    ).toEqual({
      'webhook-id': 'msg_p5jXN8AQM9LWM0D4loKWxJek',
      'webhook-timestamp': '1614265330',
      'webhook-signature': 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    });
  });

  it('takes a Date, and signs a Buffer body like the same string', () => {
    const fromDate = signStandardWebhook({ secret: SECRET, id: 'm', timestamp: new Date(NOW_SECONDS * 1000 + 999), body: BODY });
    expect(fromDate['webhook-timestamp']).toBe(String(NOW_SECONDS));
    expect(signStandardWebhook({ secret: SECRET, id: 'm', timestamp: NOW_SECONDS, body: Buffer.from(BODY) })).toEqual(fromDate);
  });

  it('refuses a secret that is not base64', () => {
    expect(() => signed({ secret: 'whsec_???' })).toThrow('not a whsec_ base64 secret');
  });
});

describe('verifyStandardWebhook', () => {
  it('accepts a good signature', () => {
    expect(verify(signed())).toEqual({ ok: true });
  });

  it('accepts the raw body as a Buffer, and header names in any case', () => {
    const headers = Object.fromEntries(Object.entries(signed()).map(([name, value]) => [name.toUpperCase(), value]));
    expect(verify(headers, Buffer.from(BODY))).toEqual({ ok: true });
  });

  it('rejects a tampered body, a different id or another secret', () => {
    expect(verify(signed(), BODY.replace('7f2a', '7f2b'))).toEqual({ ok: false, reason: 'signature does not match' });
    expect(verify({ ...signed(), 'webhook-id': 'msg_2' })).toEqual({ ok: false, reason: 'signature does not match' });
    expect(verify(signed({ secret: generateWebhookSecret() }))).toEqual({ ok: false, reason: 'signature does not match' });
  });

  it('passes when any of several space-separated signatures matches (secret rotation)', () => {
    const good = signed()['webhook-signature'];
    const other = signed({ secret: generateWebhookSecret() })['webhook-signature'];
    expect(verify({ ...signed(), 'webhook-signature': `${other} ${good}` })).toEqual({ ok: true });
    expect(verify({ ...signed(), 'webhook-signature': [other, good] })).toEqual({ ok: true });
    expect(verify({ ...signed(), 'webhook-signature': `${other} v1,AAAA` })).toEqual({ ok: false, reason: 'signature does not match' });
  });

  it('ignores other signature versions even with the right bytes', () => {
    const bytes = signed()['webhook-signature'].slice('v1,'.length);
    expect(verify({ ...signed(), 'webhook-signature': `v1a,${bytes} v2,${bytes}` })).toEqual({
      ok: false,
      reason: 'signature does not match',
    });
  });

  it.each([
    ['webhook-id', 'missing webhook-id header'],
    ['webhook-timestamp', 'missing webhook-timestamp header'],
    ['webhook-signature', 'missing webhook-signature header'],
  ])('rejects a missing %s', (header, reason) => {
    expect(verify({ ...signed(), [header]: undefined })).toEqual({ ok: false, reason });
  });

  it('rejects an empty signature list and a non-numeric timestamp', () => {
    expect(verify({ ...signed(), 'webhook-signature': '  ' })).toEqual({ ok: false, reason: 'missing webhook-signature header' });
    expect(verify({ ...signed(), 'webhook-timestamp': '2025-10-29T14:00:00Z' })).toEqual({
      ok: false,
      reason: 'webhook-timestamp must be unix seconds',
    });
  });

  it.each([
    ['stale', -301],
    ['future', 301],
  ])('rejects a %s timestamp outside 5 minutes, even when correctly signed', (_name, offset) => {
    const result = verify(signed({ timestamp: NOW_SECONDS + offset }));
    expect(result).toEqual({ ok: false, reason: 'timestamp outside 5-minute tolerance (301 s off)' });
  });

  it.each([-300, 300])('accepts a timestamp exactly %i s off', (offset) => {
    expect(verify(signed({ timestamp: NOW_SECONDS + offset }))).toEqual({ ok: true });
  });

  it('rejects when the endpoint secret itself is unusable', () => {
    expect(verifyStandardWebhook({ secret: 'whsec_', headers: signed(), rawBody: BODY, now: NOW })).toEqual({
      ok: false,
      reason: 'the endpoint secret is not a valid whsec_ secret',
    });
  });
});
