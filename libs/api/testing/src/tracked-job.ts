import { phoneAt } from './phones';
import { eventually } from './http';
import { startFakeProvider, type FakeProvider } from './fake-provider';
import type { TestApp } from './test-app';

export interface TrackedJob {
  jobId: string;
  token: string;
  userId: string;
  /** message_id of each recipient, in recipient order. */
  messageIds: string[];
  phones: string[];
  bulkUrl: string;
  workflowUrl: string;
  secret: string;
  workflowSecret: string;
  fake: FakeProvider;
}

/**
 * An operator on the `generic` provider (a local fake) with a sent job whose message ids
 * are known, ready for webhook events.
 */
export async function sentGenericJob(t: TestApp, recipients = 3, buttons = [{ id: 'confirm', title: 'Confirm' }, { id: 'reschedule', title: 'Reschedule' }, { id: 'cancel', title: 'Cancel' }]): Promise<TrackedJob> {
  const fake = await startFakeProvider('generic');
  const op = await t.createUser();
  const patched = await t.http('PATCH', `/api/admin/users/${op.user.id}`, {
    token: t.adminToken,
    body: { channel: { provider: 'generic', config: { baseUrl: fake.baseUrl, token: fake.token }, rateLimitPerSecond: 10_000 }, modules: { workflow: true } },
  });
  const phones = Array.from({ length: recipients }, (_, i) => phoneAt(i));
  const created = await t.http('POST', '/api/bulk/jobs', { token: op.token, body: { body: 'Your appointment is tomorrow at 10:00', buttons, recipients: phones.map((phone) => ({ phone })) } });
  const jobId = created.body.id;
  await eventually(async () => (await t.http('GET', `/api/bulk/jobs/${jobId}`, { token: op.token })).body.state === 'completed');
  const items = (await t.http('GET', `/api/bulk/jobs/${jobId}/messages?limit=500`, { token: op.token })).body.items;
  const local = (url: string) => t.baseUrl + new URL(url).pathname;
  return {
    jobId,
    token: op.token,
    userId: op.user.id,
    phones,
    messageIds: phones.map((p) => items.find((m: any) => m.phone === p).messageId),
    bulkUrl: local(patched.body.webhooks.bulk.url),
    workflowUrl: local(patched.body.webhooks.workflow.url),
    secret: patched.body.webhooks.bulk.secret,
    workflowSecret: patched.body.webhooks.workflow.secret,
    fake,
  };
}
