export * from './http';
export * from './test-app';
export * from './test-database';
export * from './routes';
export * from './fake-provider';
export * from './phones';
export * from './webhooks';
export * from './tracked-job';
