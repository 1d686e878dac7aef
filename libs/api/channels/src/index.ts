import { CreateChannels1764800000200 } from './migrations/1764800000200-create-channels';

export * from './channels.module';
export * from './channels.service';
export { maskChannel } from './channel-config';
export type { ChannelEntity } from './channel.entity';
export const channelsMigrations = [CreateChannels1764800000200];
