import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedMessage {
  to: string;
  body: string;
  buttons: Array<{ id: string; title: string }>;
  messageId: string | null;
  at: number;
}

/** What the fake does with one request; the default accepts every message. */
export type FakeBehaviour =
  | { kind: 'accept' }
  | { kind: 'fail'; code: number; message: string }
  | { kind: 'rate-limit'; retryAfterSeconds: number }
  /** Never answers: the sender's timeout must fire. */
  | { kind: 'hang' }
  /** Drops the connection after reading the request. */
  | { kind: 'reset' };

export interface FakeProvider {
  baseUrl: string;
  token: string;
  received: ReceivedMessage[];
  requestTimes: number[];
  /** Decides per recipient (for batched APIs, the first recipient of the request decides 429/hang/reset). */
  behaviour: (to: string, requestIndex: number) => FakeBehaviour;
  close(): Promise<void>;
}

type Format = 'generic' | 'meta';

/**
 * A local stand-in for a provider's Send API, speaking its documented format:
 * `generic` is api.md's batched Send API, `meta` the WhatsApp Cloud API.
 */
export async function startFakeProvider(format: Format): Promise<FakeProvider> {
  const sockets = new Set<import('node:net').Socket>();
  const fake: FakeProvider = {
    baseUrl: '',
    token: `tok_${randomBytes(8).toString('hex')}`,
    received: [],
    requestTimes: [],
    behaviour: () => ({ kind: 'accept' }),
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const index = fake.requestTimes.push(Date.now()) - 1;
      if (req.headers.authorization !== `Bearer ${fake.token}`) return json(res, 401, { error: { message: 'Invalid OAuth access token' } });
      const body = JSON.parse(raw);
      const items: Array<{ to: string; body: string; buttons: ReceivedMessage['buttons'] }> =
        format === 'generic' ? body.messages : [metaItem(body)];
      const first = fake.behaviour(items[0].to, index);
      if (first.kind === 'hang') {
        items.forEach((m) => fake.received.push({ ...m, messageId: null, at: Date.now() }));
        return;
      }
      if (first.kind === 'reset') {
        items.forEach((m) => fake.received.push({ ...m, messageId: null, at: Date.now() }));
        return req.socket.destroy();
      }
      if (first.kind === 'rate-limit') {
        res.setHeader('retry-after', String(first.retryAfterSeconds));
        return json(res, 429, format === 'meta' ? metaError(130429, 'Rate limit hit') : { error: { code: 'rate_limited', message: 'Too many requests' } });
      }
      const results = items.map((m) => {
        const b = fake.behaviour(m.to, index);
        const messageId = b.kind === 'fail' ? null : format === 'meta' ? `wamid.${randomBytes(18).toString('base64url')}` : randomBytes(18).toString('base64url');
        fake.received.push({ ...m, messageId, at: Date.now() });
        return { m, b, messageId };
      });
      if (format === 'meta') {
        const { m, b, messageId } = results[0];
        if (b.kind === 'fail') return json(res, 400, metaError(b.code, b.message));
        return json(res, 200, { messaging_product: 'whatsapp', contacts: [{ input: m.to, wa_id: m.to }], messages: [{ id: messageId, message_status: 'accepted' }] });
      }
      return json(res, 200, {
        messages: results.map(({ m, b, messageId }) =>
          b.kind === 'fail'
            ? { to: m.to, status: 'failed', error: { code: String(b.code), message: b.message } }
            : { message_id: messageId, to: m.to, status: 'sent', timestamp: Math.floor(Date.now() / 1000) },
        ),
      });
    });
  });
  // Idle keep-alive sockets closed under a client's feet look like "outcome unknown" failures.
  server.keepAliveTimeout = 60_000;
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}

function json(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function metaError(code: number, message: string) {
  return { error: { message: `(#${code}) ${message}`, type: 'OAuthException', code, error_data: { messaging_product: 'whatsapp', details: message }, fbtrace_id: 'Fake123' } };
}

function metaItem(body: any): { to: string; body: string; buttons: ReceivedMessage['buttons'] } {
  if (body.type === 'template') {
    // A template's text lives at Meta; record its name and parameters as the "body".
    const params = body.template.components?.find((c: any) => c.type === 'body')?.parameters.map((p: any) => p.text) ?? [];
    const quickReplies = body.template.components?.filter((c: any) => c.sub_type === 'quick_reply') ?? [];
    return { to: body.to, body: `template:${body.template.name}:${body.template.language.code}:${params.join('|')}`, buttons: quickReplies.map((c: any) => ({ id: c.parameters[0].payload, title: '' })) };
  }
  if (body.type === 'interactive') {
    return {
      to: body.to,
      body: body.interactive.body.text,
      buttons: body.interactive.action.buttons.map((b: any) => ({ id: b.reply.id, title: b.reply.title })),
    };
  }
  return { to: body.to, body: body.text?.body ?? '', buttons: [] };
}
