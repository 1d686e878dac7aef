import { ConflictException, Injectable } from '@nestjs/common';
import { ADMIN_ROLE, type CreateUserInput, type UpdateUserInput, type User, type UserDetails, WebhookKind } from '@bluetick/contracts';
import { ChannelsService } from '@bluetick/api/channels';
import { UsersService, toUser, type UserEntity } from '@bluetick/api/users';
import { EndpointResolver, WebhookEndpointsService, WebhookEventsService } from '@bluetick/api/webhooks';
import { toUserDetails } from './user-details';

@Injectable()
export class AdminService {
  constructor(
    private readonly users: UsersService,
    private readonly channels: ChannelsService,
    private readonly endpoints: WebhookEndpointsService,
    private readonly events: WebhookEventsService,
    private readonly resolver: EndpointResolver,
  ) {}

  /** A user with their sandbox channel and both webhook endpoints, ready to use. */
  async createUser(input: Required<CreateUserInput> & { modules?: { bulk?: boolean; workflow?: boolean } }): Promise<UserEntity> {
    const user = await this.users.create(input);
    await this.channels.getForUser(user.id);
    await this.endpoints.ensureForUser(user.id);
    return user;
  }

  async list(): Promise<User[]> {
    return (await this.users.list()).map(toUser);
  }

  async details(userId: string): Promise<UserDetails> {
    const user = await this.users.getById(userId);
    const [channel, endpoints, recent] = await Promise.all([
      this.channels.getForUser(userId),
      this.endpoints.ensureForUser(userId),
      this.events.recentFor(userId),
    ]);
    const webhook = (kind: WebhookKind) => ({ url: this.endpoints.urlOf(endpoints[kind]), secret: endpoints[kind].secret });
    return toUserDetails(user, channel, { bulk: webhook(WebhookKind.Bulk), workflow: webhook(WebhookKind.Workflow) }, recent);
  }

  async update(userId: string, changes: UpdateUserInput): Promise<UserDetails> {
    const user = await this.users.getById(userId);
    if (changes.role && changes.role !== ADMIN_ROLE && user.role === ADMIN_ROLE && (await this.users.countByRole(ADMIN_ROLE)) <= 1) {
      throw new ConflictException('This is the only admin: make another user admin first');
    }
    if (changes.channel) await this.channels.setForUser(userId, changes.channel);
    await this.users.update(userId, { name: changes.name, role: changes.role, modules: changes.modules });
    this.resolver.forget(userId);
    return this.details(userId);
  }

  async reprocessDelivery(userId: string, deliveryId: string): Promise<UserDetails> {
    await this.users.getById(userId);
    await this.events.reprocess(userId, deliveryId);
    return this.details(userId);
  }

  async rotateWebhook(userId: string, kind: WebhookKind): Promise<UserDetails> {
    await this.users.getById(userId);
    await this.endpoints.rotate(userId, kind);
    this.resolver.forget(userId);
    return this.details(userId);
  }
}
