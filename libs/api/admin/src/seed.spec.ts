import { DEMO_OPERATOR_EMAIL } from '@bluetick/api/admin';
import { startTestApp } from '@bluetick/api/testing';

describe('first start', () => {
  it('creates the admin once, and the demo operator when asked, on the sandbox', async () => {
    const t = await startTestApp({ demo: true });
    try {
      const users = (await t.http('GET', '/api/admin/users', { token: t.adminToken })).body;
      expect(users.map((u: any) => [u.email, u.role])).toEqual([
        ['admin@test.local', 'admin'],
        [DEMO_OPERATOR_EMAIL, 'operator'],
      ]);
      const demo = (await t.http('GET', `/api/admin/users/${users[1].id}`, { token: t.adminToken })).body;
      expect(demo.channel.provider).toBe('sandbox');
      // A second instance on the same database seeds nothing more.
      const again = await startTestApp({ databaseUrl: t.config.databaseUrl, jwtSecret: t.config.jwtSecret, demo: true });
      expect((await again.http('GET', '/api/admin/users', { token: t.adminToken })).body).toHaveLength(2);
      await again.close();
    } finally {
      await t.close();
    }
  });
});
