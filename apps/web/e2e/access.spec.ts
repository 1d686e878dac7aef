/**
 * Who sees webhooks, in a real browser against the real app: admins see both webhook URLs
 * and can reveal the secrets in User Details; an operator never receives any of them —
 * not on a page, not in any response the page fetched — and cannot open the admin pages.
 */
import type { Job, UserDetails } from '@bluetick/contracts';
import { phoneAt, startFakeProvider, startTestApp, TEST_ADMIN, type FakeProvider, type TestApp } from '@bluetick/api/testing';
import { findLeaks, openBrowser, poll, signIn, withScreenshot, type BrowserSession } from './browser';

const WEBHOOK_URL = /\/webhooks\/(bulk-status|workflow)\//;

describe('browser: webhook access', () => {
  let t: TestApp;
  let fake: FakeProvider;
  let operator: Awaited<ReturnType<TestApp['createUser']>>;
  let job: Job;
  let session: BrowserSession | undefined;

  const details = async (id: string) => {
    const res = await t.http<UserDetails>('GET', `/api/admin/users/${id}`, { token: t.adminToken });
    expect(res.status).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    t = await startTestApp();
    // The operator sends through a provider with a real token, so a leaked channel secret would show too.
    fake = await startFakeProvider('generic');
    operator = await t.createUser({ name: 'Olive Operator' });
    const patched = await t.http('PATCH', `/api/admin/users/${operator.user.id}`, {
      token: t.adminToken,
      body: { modules: { bulk: true, workflow: true }, channel: { provider: 'generic', config: { baseUrl: fake.baseUrl, token: fake.token } } },
    });
    expect(patched.status).toBe(200);
    const created = await t.http<Job>('POST', '/api/bulk/jobs', {
      token: operator.token,
      body: { name: 'Spring reminders', body: 'Hello, your appointment is tomorrow.', buttons: [{ id: 'ok', title: 'Confirm' }], recipients: [0, 1].map((i) => ({ phone: phoneAt(i) })) },
    });
    expect(created.status).toBe(201);
    job = created.body;
  });

  afterEach(async () => {
    await session?.close();
    session = undefined;
  });

  afterAll(async () => {
    await t?.close();
    await fake?.close();
  });

  it('admin: Admin → Users → User Details shows both webhook URLs and reveals the secret', async () => {
    session = await openBrowser(t.baseUrl);
    const { page } = session;
    await withScreenshot(page, 'access-admin-user-details', async () => {
      const expected = await details(operator.user.id);
      expect(expected.webhooks.bulk.url).toMatch(/\/webhooks\/bulk-status\//);
      expect(expected.webhooks.workflow.url).toMatch(/\/webhooks\/workflow\//);

      await signIn(page, TEST_ADMIN);
      await page.getByTestId('nav-admin-users').click();
      await page.waitForURL((url) => url.pathname === '/admin/users');
      const row = page.locator(`[data-testid="user-row"][data-user-id="${operator.user.id}"]`);
      await row.getByTestId('user-link').click();
      await page.waitForURL((url) => url.pathname === `/admin/users/${operator.user.id}`);
      await page.getByTestId('user-details-name').waitFor();
      expect(await page.getByTestId('user-details-name').innerText()).toBe('Olive Operator');

      const bulkUrl = (await page.getByTestId('webhook-url-bulk').innerText()).trim();
      const workflowUrl = (await page.getByTestId('webhook-url-workflow').innerText()).trim();
      expect(bulkUrl).toBe(expected.webhooks.bulk.url);
      expect(workflowUrl).toBe(expected.webhooks.workflow.url);
      expect(bulkUrl).toMatch(WEBHOOK_URL);
      expect(workflowUrl).toMatch(WEBHOOK_URL);
      expect(bulkUrl).not.toBe(workflowUrl);

      // Masked until revealed; Reveal shows exactly the stored secret, Hide masks it again.
      for (const kind of ['bulk', 'workflow'] as const) {
        const secret = page.getByTestId(`webhook-secret-${kind}`);
        expect(await secret.getAttribute('data-revealed')).toBe('false');
        expect(await secret.innerText()).not.toContain('whsec_');
      }
      const readSecret = async (kind: 'bulk' | 'workflow') => ({
        revealed: await page.getByTestId(`webhook-secret-${kind}`).getAttribute('data-revealed'),
        text: (await page.getByTestId(`webhook-secret-${kind}`).innerText()).trim(),
      });
      await page.getByTestId('reveal-webhook-secret-bulk').click();
      const bulk = await poll('the revealed bulk secret', () => readSecret('bulk'), (v) => v.revealed === 'true');
      expect(bulk.text).toBe(expected.webhooks.bulk.secret);
      expect(bulk.text).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
      expect((await readSecret('workflow')).text).not.toContain('whsec_');

      // Hide masks it again; each panel reveals its own secret.
      await page.getByTestId('reveal-webhook-secret-bulk').click();
      expect((await poll('the bulk secret masked again', () => readSecret('bulk'), (v) => v.revealed === 'false')).text).not.toContain('whsec_');
      for (const kind of ['bulk', 'workflow'] as const) await page.getByTestId(`reveal-webhook-secret-${kind}`).click();
      const workflow = await poll('the revealed workflow secret', () => readSecret('workflow'), (v) => v.revealed === 'true');
      expect(workflow.text).toBe(expected.webhooks.workflow.secret);
      expect((await poll('the bulk secret revealed again', () => readSecret('bulk'), (v) => v.revealed === 'true')).text).toBe(expected.webhooks.bulk.secret);
      expect(session!.pageErrors).toEqual([]);
    });
  });

  it('operator: no page and no response carries a webhook URL, key, secret or channel token', async () => {
    // What must never reach an operator: every user's webhook URL, key and secret.
    const users = await t.http<Array<{ id: string }>>('GET', '/api/admin/users', { token: t.adminToken });
    const secrets: Array<{ label: string; value: string | RegExp }> = [
      { label: 'a whsec_ secret', value: 'whsec_' },
      { label: 'a webhook URL path', value: WEBHOOK_URL },
      { label: "the operator's channel token", value: fake.token },
    ];
    for (const { id } of users.body) {
      const { webhooks, email } = await details(id);
      for (const kind of ['bulk', 'workflow'] as const) {
        const { url, secret } = webhooks[kind];
        secrets.push(
          { label: `${email} ${kind} webhook URL`, value: url },
          { label: `${email} ${kind} webhook key`, value: url.split('/').pop()! },
          { label: `${email} ${kind} webhook secret`, value: secret },
          { label: `${email} ${kind} webhook secret (base64 part)`, value: secret.slice('whsec_'.length) },
        );
      }
    }
    expect(users.body.length).toBeGreaterThanOrEqual(2);

    session = await openBrowser(t.baseUrl);
    const { page } = session;
    const pages: Array<{ label: string; text: string }> = [];
    const capture = async (label: string) => pages.push({ label: `${label} (HTML)`, text: await page.content() }, { label: `${label} (text)`, text: await page.locator('body').innerText() });

    await withScreenshot(page, 'access-operator-pages', async () => {
      await signIn(page, { email: operator.user.email, password: operator.password });
      expect(await page.getByTestId('current-user').getAttribute('data-role')).toBe('operator');
      expect(await page.getByTestId('nav-admin-users').count()).toBe(0);

      // Outbox, with the job.
      const jobRow = page.locator(`[data-testid="job-row"][data-job-id="${job.id}"]`);
      await jobRow.waitFor();
      await capture('Outbox');

      // Job Details, with its rows.
      await jobRow.getByTestId('job-link').click();
      await page.waitForURL((url) => url.pathname === `/outbox/${job.id}`);
      await poll('the job rows', () => page.getByTestId('message-row').count(), (n) => n === 2);
      await capture('Job Details');

      // New bulk job.
      await page.getByTestId('nav-outbox').click();
      await page.getByTestId('new-job').click();
      await page.waitForURL((url) => url.pathname === '/outbox/new');
      await page.getByTestId('compose-form').waitFor();
      await capture('New bulk job');

      // Settings.
      await page.getByTestId('nav-settings').click();
      await page.waitForURL((url) => url.pathname === '/settings');
      await page.getByTestId('settings-profile').waitFor();
      expect(await page.getByTestId('settings-email').innerText()).toBe(operator.user.email);
      await capture('Settings');

      const responses = await session!.settled();
      const fetched = responses.map((r) => `${r.method} ${r.path.split('?')[0]} ${r.status}`);
      // The pages really did load their data through the API (else there is nothing to check).
      for (const expected of ['GET /api/auth/me 200', 'GET /api/bulk/jobs 200', `GET /api/bulk/jobs/${job.id} 200`, `GET /api/bulk/jobs/${job.id}/messages 200`]) {
        expect(fetched).toContain(expected);
      }
      expect(responses.filter((r) => r.path.startsWith('/api/admin'))).toEqual([]);
      const bodies = responses.filter((r) => r.body !== null).map((r) => ({ label: `response ${r.method} ${r.path}`, text: r.body! }));
      const frames = session!.socketFrames.map((text, i) => ({ label: `socket frame #${i}`, text }));
      const storage = await page.evaluate(() => JSON.stringify({ ...window.localStorage }));

      expect(findLeaks([...pages, ...bodies, ...frames, { label: 'localStorage', text: storage }], secrets)).toEqual([]);
      expect(session!.pageErrors).toEqual([]);
    });
  });

  it('operator: /admin/users and a User Details link do not show the admin pages', async () => {
    session = await openBrowser(t.baseUrl);
    const { page } = session;
    await withScreenshot(page, 'access-operator-admin-redirect', async () => {
      await signIn(page, { email: operator.user.email, password: operator.password });
      for (const adminPath of ['/admin/users', `/admin/users/${operator.user.id}`, '/admin']) {
        await page.goto(adminPath);
        await page.waitForURL((url) => url.pathname === '/outbox');
        await page.getByTestId('outbox').waitFor();
        expect(await page.getByTestId('users-table').count()).toBe(0);
        expect(await page.getByTestId('webhooks-card').count()).toBe(0);
        expect(await page.getByTestId('nav-admin-users').count()).toBe(0);
      }
      // Sent back before any admin endpoint was even called.
      expect(session!.requests.filter((r) => / \/api\/admin/.test(r))).toEqual([]);
      expect(await page.locator('body').innerText()).not.toMatch(/webhook/i);
      expect(session!.pageErrors).toEqual([]);
    });
  });
});
