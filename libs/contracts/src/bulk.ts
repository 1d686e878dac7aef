import { z } from 'zod';
import type { JobStats, MessageStatus } from './message-status';
import type { LastReply } from './reply';

export const JOB_STATES = ['queued', 'sending', 'completed', 'cancelled'] as const;
export type JobState = (typeof JOB_STATES)[number];
export const JobState = {
  Queued: 'queued',
  Sending: 'sending',
  Completed: 'completed',
  Cancelled: 'cancelled',
} as const satisfies Record<string, JobState>;

export const BULK_LIMITS = {
  maxButtons: 3,
  maxButtonTitle: 20,
  maxBody: 1024,
  maxRecipients: 100_000,
} as const;

export const buttonSchema = z.object({
  id: z.string().trim().min(1, 'button id is required').max(256),
  title: z.string().trim().min(1, 'button title is required'),
});
export type Button = z.infer<typeof buttonSchema>;

export const recipientSchema = z.object({
  phone: z.string(),
  variables: z.record(z.string(), z.union([z.string(), z.number()]).transform(String)).optional(),
});
export type RecipientInput = z.input<typeof recipientSchema>;

/**
 * An approved WhatsApp template (Meta only): what business-initiated messages outside
 * the 24-hour window must be. Body parameters may use the recipients' {{placeholders}};
 * the job's buttons are the template's quick-reply buttons (id = payload).
 */
export const templateSchema = z.object({
  name: z.string().trim().min(1, 'template name is required').max(512),
  language: z.string().trim().min(2, 'template language is a code such as en_US').max(16),
  bodyParameters: z.array(z.string().max(1024)).max(20).default([]),
});
export type Template = z.output<typeof templateSchema>;

/** Shape only; the api adds phone, button and placeholder rules on top. */
export const createJobSchema = z.object({
  name: z.string().trim().max(200).optional(),
  body: z.string(),
  buttons: z.array(buttonSchema).optional(),
  template: templateSchema.optional(),
  recipients: z.array(recipientSchema),
});
export type CreateJobInput = z.input<typeof createJobSchema>;

/** How many messages' last reply is a given button / list row / text: the Reply breakdown chart. */
export interface ReplyCount {
  /** Button or list row id; `text:` for free text, `other:` for anything else. */
  key: string;
  title: string;
  count: number;
}

export interface Job {
  id: string;
  name: string;
  state: JobState;
  createdAt: string;
  createdBy: string;
  total: number;
  stats: JobStats;
  /** The job's buttons, for the breakdown chart's order and labels. */
  buttons: Button[];
  /** Set when the job is sent as an approved template. */
  template: Template | null;
  replies: ReplyCount[];
}

/** Query of GET /api/bulk/jobs/:id/messages (and its CSV export). */
export const messageQuerySchema = z.object({
  status: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : [])),
  phone: z.string().trim().optional(),
  replyId: z.string().trim().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().optional(),
});
export type MessageQuery = z.output<typeof messageQuerySchema>;

export interface Message {
  id: string;
  messageId: string | null;
  phone: string;
  body: string;
  buttons: Button[];
  status: MessageStatus;
  sentAt: string | null;
  deliveredAt: string | null;
  readAt: string | null;
  failedAt: string | null;
  repliedAt: string | null;
  failureReason: string | null;
  lastReply: LastReply | null;
}

export interface MessagePage {
  items: Message[];
  nextCursor: string | null;
}

/** One entry of a 400 response: where the problem is and what to fix. */
export interface Problem {
  path: string;
  message: string;
}
