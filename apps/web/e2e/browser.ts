/**
 * Browser-test harness: Debian's Chromium driven by playwright-core against the real app
 * (startTestApp serves the built SPA from dist/web on the API's port).
 *
 * - openBrowser(): a fresh profile per session (launchPersistentContext: launch() rejects
 *   --user-data-dir), recording every /api/ and /socket.io/ response body, every request
 *   path, every WebSocket frame received and every uncaught page error.
 * - signIn(): through the login page, like a person.
 * - poll(): expect.poll-style waiting on the page's state, with the last value in the error.
 * - withScreenshot(): saves tmp/screenshots/<name>.png when the test body passes
 *   (FAILED-<name>.png when it throws, to see what the page showed).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page, type Response } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = path.resolve('tmp/screenshots');
/** Default wait for anything the page has to show. Generous: CI machines have 2 busy cores. */
export const UI_TIMEOUT_MS = 20_000;

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface RecordedResponse {
  method: string;
  url: string;
  /** Path and query, e.g. /api/bulk/jobs/12/messages?limit=50 */
  path: string;
  status: number;
  /** The body as the page received it; null when the browser could not give it (e.g. aborted). */
  body: string | null;
}

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  /** Every response to /api/ and /socket.io/ (HTTP long-polling), with its body. */
  responses: RecordedResponse[];
  /** `METHOD /path?query` of every request the page made (documents, assets, API, sockets). */
  requests: string[];
  /** Payload of every WebSocket frame the page received. */
  socketFrames: string[];
  /** Uncaught exceptions in the page. */
  pageErrors: string[];
  /** console.error output of the page (informational: a failed socket connect logs here). */
  consoleErrors: string[];
  /** Waits until every response seen so far has its body recorded. */
  settled(): Promise<RecordedResponse[]>;
  close(): Promise<void>;
}

const recordedPath = (url: URL) => url.pathname + url.search;

/** A fresh Chromium profile on `baseUrl`, recording what the page receives. */
export async function openBrowser(baseUrl: string): Promise<BrowserSession> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bluetick-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      baseURL: baseUrl,
      viewport: { width: 1366, height: 900 },
      locale: 'en-US',
      timezoneId: 'UTC',
    });
  } catch (err) {
    fs.rmSync(userDataDir, { recursive: true, force: true });
    throw err;
  }
  context.setDefaultTimeout(UI_TIMEOUT_MS);
  context.setDefaultNavigationTimeout(UI_TIMEOUT_MS);

  const responses: RecordedResponse[] = [];
  const requests: string[] = [];
  const socketFrames: string[] = [];
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];
  const pending = new Set<Promise<void>>();
  const origin = new URL(baseUrl).origin;

  const onResponse = (response: Response) => {
    const url = new URL(response.url());
    if (url.origin !== origin || !/^\/(api|socket\.io)\//.test(url.pathname)) return;
    const entry: RecordedResponse = {
      method: response.request().method(),
      url: response.url(),
      path: recordedPath(url),
      status: response.status(),
      body: null,
    };
    responses.push(entry);
    const read = response
      .text()
      .then((text) => {
        entry.body = text;
      })
      .catch(() => undefined)
      .finally(() => pending.delete(read));
    pending.add(read);
  };
  context.on('response', onResponse);
  context.on('request', (request) => {
    const url = new URL(request.url());
    requests.push(`${request.method()} ${url.origin === origin ? recordedPath(url) : request.url()}`);
  });

  const watchPage = (page: Page) => {
    page.on('pageerror', (error) => pageErrors.push(String(error?.stack ?? error)));
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('websocket', (ws) => {
      ws.on('framereceived', (frame) => socketFrames.push(typeof frame.payload === 'string' ? frame.payload : frame.payload.toString('utf8')));
    });
  };
  context.pages().forEach(watchPage);
  context.on('page', watchPage);
  const page = context.pages()[0] ?? (await context.newPage());

  let closed = false;
  return {
    context,
    page,
    responses,
    requests,
    socketFrames,
    pageErrors,
    consoleErrors,
    async settled() {
      while (pending.size) await Promise.all([...pending]);
      return responses;
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        await context.close();
      } finally {
        fs.rmSync(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
      }
    },
  };
}

/** Signs in through the login page and waits for the signed-in shell on the Outbox. */
export async function signIn(page: Page, credentials: { email: string; password: string }): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-email').fill(credentials.email);
  await page.getByTestId('login-password').fill(credentials.password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => url.pathname === '/outbox');
  await page.getByTestId('current-user').waitFor();
}

/**
 * Reads `read()` until `accept` holds (like Playwright Test's expect.poll), returning the
 * accepted value; on timeout it fails with the last value read, so the message says what
 * the page showed instead.
 */
export async function poll<T>(
  what: string,
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  { timeoutMs = UI_TIMEOUT_MS, intervalMs = 100 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: { value?: T; error?: unknown } = {};
  for (;;) {
    try {
      const value = await read();
      if (accept(value)) return value;
      last = { value };
    } catch (error) {
      last = { error };
    }
    if (Date.now() >= deadline) {
      const seen = 'error' in last ? `error ${(last.error as Error)?.message ?? last.error}` : JSON.stringify(last.value, null, 2);
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last seen: ${seen}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  // From the top (a sticky header is drawn at the scroll offset otherwise), transitions finished.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
  return file;
}

/** Runs a test body; saves `<name>.png` when it passes, `FAILED-<name>.png` (best effort) when it throws. */
export async function withScreenshot(page: Page, name: string, body: () => Promise<void>): Promise<void> {
  fs.rmSync(path.join(SCREENSHOT_DIR, `FAILED-${name}.png`), { force: true });
  try {
    await body();
  } catch (err) {
    await screenshot(page, `FAILED-${name}`).catch(() => undefined);
    throw err;
  }
  await screenshot(page, name);
}

/** Where each of `needles` occurs in `haystacks` (label → text), for a readable failure. */
export function findLeaks(haystacks: Array<{ label: string; text: string }>, needles: Array<{ label: string; value: string | RegExp }>): string[] {
  const leaks: string[] = [];
  for (const { label, text } of haystacks) {
    for (const needle of needles) {
      const hit = typeof needle.value === 'string' ? text.includes(needle.value) : needle.value.test(text);
      if (hit) leaks.push(`${needle.label} in ${label}`);
    }
  }
  return leaks;
}
