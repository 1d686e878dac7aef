import type { RecentDelivery, UserDetails, WebhookKind, WebhookInfo } from '@bluetick/contracts';
import { maskChannel, type ChannelEntity } from '@bluetick/api/channels';
import { modulesOf, toUser, type UserEntity } from '@bluetick/api/users';

/** The admin-only view of a user: the one place webhook URLs and secrets are put in a response. */
export function toUserDetails(
  user: UserEntity,
  channel: ChannelEntity,
  webhooks: Record<WebhookKind, Omit<WebhookInfo, 'active'>>,
  recentDeliveries: RecentDelivery[],
): UserDetails {
  const modules = modulesOf(user);
  return {
    ...toUser(user),
    modules,
    channel: maskChannel(channel),
    webhooks: {
      bulk: { ...webhooks.bulk, active: modules.bulk },
      workflow: { ...webhooks.workflow, active: modules.workflow },
    },
    recentDeliveries,
  };
}
