import { startTestApp, TEST_ADMIN, type TestApp } from '@bluetick/api/testing';

describe('auth', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('signs in with the right password and returns the token and user', async () => {
    const res = await t.http('POST', '/api/auth/login', { body: { email: TEST_ADMIN.email.toUpperCase(), password: TEST_ADMIN.password } });
    expect(res.status).toBe(200);
    expect(typeof res.body.accessToken).toBe('string');
    expect(res.body.user).toEqual({ id: expect.any(String), email: TEST_ADMIN.email, name: 'Admin', role: 'admin' });
    expect(JSON.stringify(res.body)).not.toContain('password');
  });

  it('refuses a wrong password and an unknown email alike', async () => {
    const wrong = await t.http('POST', '/api/auth/login', { body: { email: TEST_ADMIN.email, password: 'nope' } });
    const unknown = await t.http('POST', '/api/auth/login', { body: { email: 'ghost@test.local', password: 'nope' } });
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(wrong.body.message).toBe(unknown.body.message);
  });

  it('says which fields are missing', async () => {
    const res = await t.http('POST', '/api/auth/login', { body: { email: 'not-an-email' } });
    expect(res.status).toBe(400);
    expect(res.body.problems.map((p: { path: string }) => p.path).sort()).toEqual(['email', 'password']);
  });

  it('answers /me with modules for a valid token, 401 without or with a bad one', async () => {
    const me = await t.http('GET', '/api/auth/me', { token: t.adminToken });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ email: TEST_ADMIN.email, role: 'admin', modules: { bulk: true, workflow: true } });
    expect((await t.http('GET', '/api/auth/me')).status).toBe(401);
    expect((await t.http('GET', '/api/auth/me', { token: t.adminToken + 'x' })).status).toBe(401);
  });

  it('rate-limits repeated failures per email and IP with 429 and Retry-After', async () => {
    const { user, password } = await t.createUser();
    const attempt = (pw: string) => t.http('POST', '/api/auth/login', { body: { email: user.email, password: pw } });
    for (let i = 0; i < 5; i++) expect((await attempt('wrong')).status).toBe(401);
    const blocked = await attempt(password);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(blocked.body.message).toMatch(/try again/);
    // Another account from the same IP is unaffected.
    expect((await t.http('POST', '/api/auth/login', { body: TEST_ADMIN })).status).toBe(200);
  });
});
