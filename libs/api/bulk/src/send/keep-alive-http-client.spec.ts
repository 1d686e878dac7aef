import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { HttpRequestSpec } from '@bluetick/providers';
import { KeepAliveHttpClient } from './keep-alive-http-client';

/** A local server whose handler decides per request; counts connections. */
async function startServer(handler: http.RequestListener, keepAliveTimeout = 60_000) {
  const server = http.createServer(handler);
  server.keepAliveTimeout = keepAliveTimeout;
  const sockets = new Set<Socket>();
  let connections = 0;
  server.on('connection', (s) => {
    connections++;
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    connections: () => connections,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

const post = (url: string, body = '{"hi":"é"}'): HttpRequestSpec => ({ method: 'POST', url, headers: { 'content-type': 'application/json', 'x-token': 't' }, body, refs: ['1'] });
const afterBody = (req: http.IncomingMessage, then: (body: string) => void) => {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (c: string) => (body += c));
  req.on('end', () => then(body));
};

describe('KeepAliveHttpClient', () => {
  const servers: Array<{ close(): Promise<void> }> = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });
  const serve = async (handler: http.RequestListener, keepAliveTimeout?: number) => {
    const server = await startServer(handler, keepAliveTimeout);
    servers.push(server);
    return server;
  };

  it('returns status, headers and body, and reuses one connection', async () => {
    const server = await serve((req, res) =>
      afterBody(req, (body) => {
        res.writeHead(201, { 'content-type': 'application/json', 'x-echo': `${req.headers['x-token']} ${body}` });
        res.end('{"ok":"✓"}');
      }),
    );
    const client = new KeepAliveHttpClient(4, 2_000);
    for (let i = 0; i < 3; i++) {
      expect(await client.exchange(post(`${server.base}/send`))).toEqual({
        kind: 'response',
        status: 201,
        headers: expect.objectContaining({ 'x-echo': 't {"hi":"é"}' }),
        body: '{"ok":"✓"}',
      });
    }
    expect(server.connections()).toBe(1);
  });

  it('a refused connection never left', async () => {
    const server = await serve(() => undefined);
    const base = server.base;
    await server.close();
    expect(await new KeepAliveHttpClient(4, 2_000).exchange(post(base))).toEqual({ kind: 'failed', mayHaveLeft: false, timedOut: false, code: 'ECONNREFUSED' });
  });

  it('no answer in time: may have left', async () => {
    const server = await serve(() => undefined);
    expect(await new KeepAliveHttpClient(4, 300).exchange(post(server.base))).toMatchObject({ kind: 'failed', mayHaveLeft: true, timedOut: true });
  });

  it('a request still waiting for a free socket when its time is up never left', async () => {
    const server = await serve(() => undefined);
    const client = new KeepAliveHttpClient(1, 300);
    const [first, queued] = await Promise.all([client.exchange(post(server.base)), client.exchange(post(server.base))]);
    expect(first).toMatchObject({ mayHaveLeft: true, timedOut: true });
    expect(queued).toMatchObject({ mayHaveLeft: false, timedOut: true });
  });

  it('a reset after the request was read, or mid-response: may have left', async () => {
    const server = await serve((req, res) =>
      afterBody(req, () => {
        if (req.url === '/reset') return req.socket.destroy();
        res.writeHead(200, { 'content-length': '100' });
        res.write('{"partial"');
        setTimeout(() => req.socket.destroy(), 20);
      }),
    );
    const client = new KeepAliveHttpClient(4, 2_000);
    expect(await client.exchange(post(`${server.base}/reset`))).toMatchObject({ kind: 'failed', mayHaveLeft: true, timedOut: false });
    expect(await client.exchange(post(`${server.base}/partial`))).toMatchObject({ kind: 'failed', mayHaveLeft: true, timedOut: false });
  });

  it('a reset on a reused keep-alive socket before any response byte: may have left', async () => {
    let requests = 0;
    const server = await serve((req, res) => afterBody(req, () => (++requests === 1 ? res.end('{}') : req.socket.destroy())));
    const client = new KeepAliveHttpClient(1, 2_000);
    expect(await client.exchange(post(server.base))).toMatchObject({ kind: 'response', status: 200 });
    expect(await client.exchange(post(server.base))).toMatchObject({ kind: 'failed', mayHaveLeft: true });
    expect(server.connections()).toBe(1);
  });

  it('closes idle sockets before a server with a 4.5 s keep-alive would, even without a Keep-Alive hint', async () => {
    // Setting Connection ourselves keeps Node from sending its `Keep-Alive: timeout=4` hint.
    const server = await serve((req, res) => afterBody(req, () => res.writeHead(200, { connection: 'keep-alive' }).end('{}')), 4_500);
    const client = new KeepAliveHttpClient(1, 2_000);
    expect(await client.exchange(post(server.base))).toMatchObject({ status: 200 });
    await new Promise((resolve) => setTimeout(resolve, 4_250));
    expect(await client.exchange(post(server.base))).toMatchObject({ status: 200 });
    expect(server.connections()).toBe(2);
  });

  it('a request that cannot be built was not sent', async () => {
    expect(await new KeepAliveHttpClient(1, 2_000).exchange(post('not a url'))).toMatchObject({ kind: 'failed', mayHaveLeft: false, timedOut: false });
  });
});
