import { z } from 'zod';
import { emailSchema, roleSchema, type Modules, type User } from './auth';

export const PROVIDERS = ['sandbox', 'generic', 'meta', 'whapi'] as const;
export type ProviderKind = (typeof PROVIDERS)[number];
export const ProviderKind = {
  Sandbox: 'sandbox',
  Generic: 'generic',
  Meta: 'meta',
  Whapi: 'whapi',
} as const satisfies Record<string, ProviderKind>;

export const WEBHOOK_KINDS = ['bulk', 'workflow'] as const;
export type WebhookKind = (typeof WEBHOOK_KINDS)[number];
export const WebhookKind = { Bulk: 'bulk', Workflow: 'workflow' } as const satisfies Record<string, WebhookKind>;

/** Public paths of the two webhooks; the key follows. */
export const WEBHOOK_PATHS: Record<WebhookKind, string> = {
  bulk: '/webhooks/bulk-status',
  workflow: '/webhooks/workflow',
};

export const DELIVERY_OUTCOMES = ['pending', 'applied', 'duplicate', 'unmatched', 'unrecognized', 'rejected'] as const;
export type DeliveryOutcome = (typeof DELIVERY_OUTCOMES)[number];
export const DeliveryOutcome = {
  Pending: 'pending',
  Applied: 'applied',
  Duplicate: 'duplicate',
  Unmatched: 'unmatched',
  Unrecognized: 'unrecognized',
  Rejected: 'rejected',
} as const satisfies Record<string, DeliveryOutcome>;

export const DEFAULT_RATE_LIMIT_PER_SECOND = 80;
export const MAX_RATE_LIMIT_PER_SECOND = 100_000;
export const DEFAULT_GRAPH_API_BASE = 'https://graph.facebook.com/v23.0';
export const DEFAULT_WHAPI_BASE = 'https://gate.whapi.cloud';

/** Shown instead of a stored secret: secrets in a channel config are write-only. */
export const MASKED_SECRET = '••••••••';

const url = (what: string) => z.string().trim().url(`${what} must be a URL such as https://api.example.com`);
const secret = (what: string) => z.string().min(1, `${what} is required`);
const rate = (what: string) => z.number().min(0, `${what} must be between 0 and 1`).max(1, `${what} must be between 0 and 1`);

export const channelConfigSchemas = {
  sandbox: z
    .object({ deliverRate: rate('deliverRate'), readRate: rate('readRate'), replyRate: rate('replyRate') })
    .partial()
    .strict(),
  generic: z.object({ baseUrl: url('baseUrl'), token: secret('token') }).strict(),
  meta: z
    .object({
      phoneNumberId: z.string().trim().regex(/^\d+$/, 'phoneNumberId must be the numeric Phone Number ID'),
      accessToken: secret('accessToken'),
      appSecret: secret('appSecret'),
      verifyToken: secret('verifyToken'),
      graphApiBase: url('graphApiBase').default(DEFAULT_GRAPH_API_BASE),
    })
    .strict(),
  whapi: z
    .object({
      token: secret('token'),
      apiBase: url('apiBase').default(DEFAULT_WHAPI_BASE),
      /** Optional value Whapi sends in `Authorization` (set in Whapi's webhook settings). */
      webhookAuthorization: z.string().min(1).optional(),
    })
    .strict(),
} as const satisfies Record<ProviderKind, z.ZodType>;

/** Config keys that hold credentials: never returned, only masked. */
export const SECRET_CONFIG_KEYS: Record<ProviderKind, readonly string[]> = {
  sandbox: [],
  generic: ['token'],
  meta: ['accessToken', 'appSecret', 'verifyToken'],
  whapi: ['token', 'webhookAuthorization'],
};

export const channelInputSchema = z.object({
  provider: z.enum(PROVIDERS),
  config: z.record(z.string(), z.unknown()).default({}),
  rateLimitPerSecond: z
    .number()
    .int('rateLimitPerSecond must be a whole number')
    .min(1, 'rateLimitPerSecond must be at least 1')
    .max(MAX_RATE_LIMIT_PER_SECOND, `rateLimitPerSecond must be at most ${MAX_RATE_LIMIT_PER_SECOND}`)
    .optional(),
});
export type ChannelInput = z.input<typeof channelInputSchema>;

export const modulesSchema = z.object({ bulk: z.boolean(), workflow: z.boolean() }).partial().strict();

export const createUserSchema = z.object({
  email: emailSchema,
  password: z.string().min(8, 'password must be at least 8 characters'),
  name: z.string().trim().min(1, 'name is required').max(200),
  role: roleSchema,
});
export type CreateUserInput = z.input<typeof createUserSchema>;

export const updateUserSchema = z
  .object({
    modules: modulesSchema,
    channel: channelInputSchema,
    name: z.string().trim().min(1, 'name is required').max(200),
    role: roleSchema,
  })
  .partial()
  .strict();
export type UpdateUserInput = z.input<typeof updateUserSchema>;

export interface Channel {
  provider: ProviderKind;
  /** Credentials masked with MASKED_SECRET. */
  config: Record<string, unknown>;
  rateLimitPerSecond: number;
}

export interface WebhookInfo {
  url: string;
  secret: string;
  active: boolean;
}

export interface RecentDelivery {
  id: string;
  receivedAt: string;
  kind: WebhookKind;
  outcome: DeliveryOutcome;
  eventType: string;
  messageId: string | null;
}

export interface UserDetails extends User {
  modules: Modules;
  channel: Channel;
  webhooks: Record<WebhookKind, WebhookInfo>;
  recentDeliveries: RecentDelivery[];
}
