export * from './roles';
export * from './message-status';
export * from './reply';
export * from './bulk';
export * from './auth';
export * from './admin';
export * from './socket-events';
