import { listRoutes, startTestApp, type TestApp } from '@bluetick/api/testing';

/**
 * Who can reach what. A change here is a change of the product's access rules:
 * review it as such.
 */
const EXPECTED_ROUTES = [
  { route: 'GET /api/admin/users', access: 'role:admin' },
  { route: 'GET /api/admin/users/:id', access: 'role:admin' },
  { route: 'GET /api/auth/me', access: 'signed-in' },
  { route: 'GET /api/bulk/jobs', access: 'signed-in' },
  { route: 'GET /api/bulk/jobs/:id', access: 'signed-in' },
  { route: 'GET /api/bulk/jobs/:id/export.csv', access: 'signed-in' },
  { route: 'GET /api/bulk/jobs/:id/messages', access: 'signed-in' },
  { route: 'GET /health', access: 'public' },
  { route: 'GET /webhooks/bulk-status/:key', access: 'public' },
  { route: 'GET /webhooks/workflow/:key', access: 'public' },
  { route: 'PATCH /api/admin/users/:id', access: 'role:admin' },
  { route: 'POST /api/admin/users', access: 'role:admin' },
  { route: 'POST /api/admin/users/:id/deliveries/:deliveryId/reprocess', access: 'role:admin' },
  { route: 'POST /api/admin/users/:id/webhooks/:kind/rotate', access: 'role:admin' },
  { route: 'POST /api/auth/login', access: 'public' },
  { route: 'POST /api/bulk/jobs', access: 'signed-in' },
  { route: 'POST /api/bulk/jobs/:id/cancel', access: 'signed-in' },
  { route: 'POST /api/bulk/jobs/:id/retry-failed', access: 'signed-in' },
  { route: 'POST /webhooks/bulk-status/:key', access: 'public' },
  { route: 'POST /webhooks/workflow/:key', access: 'public' },
];

/** Anything that would let an operator find or call a webhook. */
const WEBHOOK_LEAK = /\/webhooks\/|whsec_|"(secret|key|webhooks?|url)"\s*:/i;

describe('access rules', () => {
  let t: TestApp;
  let operator: { token: string; user: { id: string } };
  let jobId: string;
  beforeAll(async () => {
    t = await startTestApp();
    operator = await t.createUser({ role: 'operator' });
    const job = await t.http('POST', '/api/bulk/jobs', { token: operator.token, body: { body: 'Hi', recipients: [{ phone: '+97333302738' }] } });
    jobId = job.body.id;
  });
  afterAll(() => t.close());

  const fill = (route: string) =>
    route.replace(':id', route.includes('/bulk/') ? jobId : operator.user.id).replace(':kind', 'bulk').replace(':deliveryId', '1');

  it('lists every route with the access it needs', () => {
    expect(listRoutes(t.app)).toEqual(EXPECTED_ROUTES);
  });

  it('refuses every non-public route without a token', async () => {
    for (const { route, access } of EXPECTED_ROUTES.filter((r) => r.access !== 'public')) {
      const [method, path] = fill(route).split(' ');
      const res = await t.http(method, path, { body: method === 'GET' ? undefined : {} });
      expect({ route, access, status: res.status }).toEqual({ route, access, status: 401 });
    }
  });

  it('answers an operator 403 on every admin route', async () => {
    for (const { route } of EXPECTED_ROUTES.filter((r) => r.access === 'role:admin')) {
      const [method, path] = fill(route).split(' ');
      const res = await t.http(method, path, { token: operator.token, body: method === 'GET' ? undefined : {} });
      expect({ route, status: res.status }).toEqual({ route, status: 403 });
      expect(res.text).not.toMatch(WEBHOOK_LEAK);
    }
  });

  it('never shows an operator a webhook URL, key or secret on any route they may call', async () => {
    const admin = await t.http('GET', `/api/admin/users/${operator.user.id}`, { token: t.adminToken });
    const { bulk, workflow } = admin.body.webhooks;
    const secrets = [bulk.url, workflow.url, bulk.secret, workflow.secret, bulk.url.split('/').pop(), workflow.url.split('/').pop()];
    for (const { route } of EXPECTED_ROUTES.filter((r) => r.access === 'signed-in' && r.route.startsWith('GET'))) {
      const res = await t.http('GET', fill(route).split(' ')[1], { token: operator.token });
      expect(res.status).toBe(200);
      expect(res.text).not.toMatch(WEBHOOK_LEAK);
      for (const s of secrets) expect(res.text).not.toContain(s);
    }
  });
});
