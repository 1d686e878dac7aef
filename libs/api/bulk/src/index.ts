import { CreateBulk1764800000400 } from './migrations/1764800000400-create-bulk';

export * from './bulk.module';
export * from './bulk-jobs.service';
export * from './bulk-changes';
export * from './tracking/bulk-tracking.service';
export { SandboxSends } from './send/sandbox-sends';
export type { SandboxSent } from './send/sandbox-transport';
export { toMessage } from './message-row';
export { toJob } from './job-row';
export const bulkMigrations = [CreateBulk1764800000400];
