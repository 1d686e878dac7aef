export * from './users.module';
export * from './users.service';
export { UserEntity } from './user.entity';
import { CreateUsers1764800000000 } from './migrations/1764800000000-create-users';
export const usersMigrations = [CreateUsers1764800000000];
