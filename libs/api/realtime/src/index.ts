import { CreateSocketIoAttachments1764800000600 } from './migrations/1764800000600-create-socket-io-attachments';

export * from './realtime.module';
export { ClusterIoAdapter } from './cluster-io.adapter';
export const realtimeMigrations = [CreateSocketIoAttachments1764800000600];
