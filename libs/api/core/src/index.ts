export * from './app-config';
export * from './core.module';
export * from './database';
export * from './spa';
export * from './validation';
export * from './too-many-requests';
export * from './app-logger';
export * from './sql';
