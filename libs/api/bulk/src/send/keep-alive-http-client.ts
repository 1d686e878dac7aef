import http from 'node:http';
import https from 'node:https';
import type { HttpRequestSpec, HttpResponseSpec } from '@bluetick/providers';

/**
 * Idle keep-alive sockets are closed after this long: shorter than servers' usual
 * keep-alive (5 s and up), so we rarely write into a socket the server is closing.
 */
const IDLE_SOCKET_MS = 4_000;

export type HttpExchange =
  | ({ kind: 'response' } & HttpResponseSpec)
  | {
      kind: 'failed';
      /** False only when no byte of the request can have reached the server. */
      mayHaveLeft: boolean;
      /** Our timeout fired (before a connection if `mayHaveLeft` is false). */
      timedOut: boolean;
      code: string;
    };

/**
 * One HTTP request/response over keep-alive sockets (one agent per protocol), with a
 * plain timer for the whole exchange. Cheaper per request than fetch + AbortSignal.timeout,
 * and it tells whether a failed request may have reached the server.
 */
export class KeepAliveHttpClient {
  private readonly agents: Record<string, http.Agent>;

  constructor(
    maxSockets: number,
    private readonly timeoutMs: number,
  ) {
    const options = { keepAlive: true, maxSockets, timeout: IDLE_SOCKET_MS };
    this.agents = { 'http:': new http.Agent(options), 'https:': new https.Agent(options) };
  }

  exchange(spec: HttpRequestSpec): Promise<HttpExchange> {
    const started = this.start(spec);
    // A bad URL or header throws before anything is sent.
    if ('error' in started) return Promise.resolve({ kind: 'failed', mayHaveLeft: false, timedOut: false, code: errorCode(started.error) });
    const { req, secure } = started;
    return new Promise((resolve) => {
      let mayHaveLeft = false;
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        fail(new Error('timed out'));
        req.destroy();
      }, this.timeoutMs);
      const settle = (exchange: HttpExchange) => {
        clearTimeout(timer);
        resolve(exchange);
      };
      const fail = (err: unknown) => settle({ kind: 'failed', mayHaveLeft, timedOut, code: errorCode(err) });
      req.once('socket', (socket) => {
        // Bytes leave only once a fresh socket is connected (and secured). A reused keep-alive
        // socket is connected already: a reset there may come after the server read the request.
        if (!socket.connecting) mayHaveLeft = true;
        else socket.once(secure ? 'secureConnect' : 'connect', () => (mayHaveLeft = true));
      });
      req.on('error', fail);
      req.once('response', (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.once('end', () => settle({ kind: 'response', status: res.statusCode ?? 0, headers: flatHeaders(res.headers), body }));
        res.on('error', fail);
        res.once('close', () => {
          if (!res.complete) fail(new Error('connection closed mid-response'));
        });
      });
      req.end(spec.body);
    });
  }

  private start(spec: HttpRequestSpec): { req: http.ClientRequest; secure: boolean } | { error: unknown } {
    try {
      const url = new URL(spec.url);
      const secure = url.protocol === 'https:';
      return { req: (secure ? https : http).request(url, { method: spec.method, headers: spec.headers, agent: this.agents[url.protocol] }), secure };
    } catch (error) {
      return { error };
    }
  }
}

function errorCode(err: unknown): string {
  return (err as NodeJS.ErrnoException).code ?? (err as Error).message;
}

function flatHeaders(headers: http.IncomingHttpHeaders): Record<string, string | undefined> {
  const flat: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(headers)) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  return flat;
}
