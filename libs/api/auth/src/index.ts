import { CreateLoginAttempts1764800000100 } from './migrations/1764800000100-create-login-attempts';

export * from './auth.module';
export * from './auth.service';
export * from './decorators';
export const authMigrations = [CreateLoginAttempts1764800000100];
