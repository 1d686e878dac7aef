import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Role } from '@bluetick/contracts';
import type { UserEntity } from '@bluetick/api/users';

export const IS_PUBLIC = 'bluetick:public';
export const REQUIRED_ROLES = 'bluetick:roles';

/** Reachable without a bearer token (webhooks, login, health). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Only these roles may call the route; everyone else gets 403. */
export const Roles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);

export interface AuthenticatedRequest {
  user?: UserEntity;
  headers: Record<string, string | string[] | undefined>;
  ip: string;
}

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): UserEntity => {
  const user = ctx.switchToHttp().getRequest<AuthenticatedRequest>().user;
  if (!user) throw new Error('CurrentUser used on a public route');
  return user;
});
