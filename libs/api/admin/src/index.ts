export * from './admin.module';
export * from './admin.service';
export { DEMO_OPERATOR_EMAIL } from './seed.service';
