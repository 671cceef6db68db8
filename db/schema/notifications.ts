import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './accounts';

export const outboxStatusEnum = pgEnum('outbox_status', ['pending', 'sent', 'failed']);

/**
 * Email, SMS and WeChat template messages (SPEC §8), written in the transaction of the
 * state change they report and delivered afterwards by any number of workers: a worker
 * claims a row by leasing it (FOR UPDATE SKIP LOCKED), sends it under its id as the
 * idempotency key, then marks it sent (docs/decisions/0011-outbox.md). Texts are stored
 * already masked: no clear personal data (SECURITY 22).
 */
export const outboxMessages = pgTable(
  'outbox_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    kind: text('kind', { enum: ['email', 'sms', 'wechat'] }).notNull(),
    /** The address (e-mail, or the mobile for SMS and WeChat), encrypted (SPEC §9). */
    toEnc: text('to_enc').notNull(),
    /** What happened (lib/domain/notifications.ts), for the log and the tests. */
    event: text('event').notNull(),
    subject: text('subject'),
    body: text('body').notNull(),
    /**
     * SMS: the parameters of the event's template, in order (masked, never an ID, bank or
     * phone number), for a provider that sends only approved templates (Tencent Cloud SMS;
     * issue 18). Null for other rows.
     */
    templateParams: jsonb('template_params').$type<string[]>(),
    status: outboxStatusEnum('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    /** Product-clock time of the next try (the simulators' clock jumps speed retries up too). */
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    /** Real (database) time until which the claiming worker owns the row. */
    leasedUntil: timestamp('leased_until', { withTimezone: true }),
    /** Which claim owns the lease: a mark applies only under the token it was claimed with. */
    leaseToken: uuid('lease_token'),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    index('outbox_messages_due_idx').on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    index('outbox_messages_account_idx').on(t.accountId, t.createdAt),
    // 运营看板: messages given up, by when they were written.
    index('outbox_messages_failed_idx').on(t.createdAt).where(sql`${t.status} = 'failed'`),
  ],
);

/** An integrator's endpoint for the account's events (SPEC §13), one per account. */
export const webhookEndpoints = pgTable('webhook_endpoints', {
  accountId: uuid('account_id')
    .primaryKey()
    .references(() => accounts.id),
  url: text('url').notNull(),
  /** The Standard Webhooks signing secret (`whsec_…`), encrypted: we must sign with it. */
  secretEnc: text('secret_enc').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** One event for an integrator's endpoint, with its delivery state; `id` is the `webhook-id`, the same on every retry. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: text('id').primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    /** The endpoint's URL when the event was queued. */
    url: text('url').notNull(),
    type: text('type').notNull(),
    /** The `data` of the event: ids, states and masked values only. */
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    status: text('status', { enum: ['pending', 'delivered', 'failed'] }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    leasedUntil: timestamp('leased_until', { withTimezone: true }),
    leaseToken: uuid('lease_token'),
    lastStatus: integer('last_status'),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
  },
  (t) => [
    index('webhook_deliveries_due_idx').on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    index('webhook_deliveries_account_idx').on(t.accountId, t.createdAt),
    // 运营看板: deliveries given up, by when they were queued.
    index('webhook_deliveries_failed_idx').on(t.createdAt).where(sql`${t.status} = 'failed'`),
  ],
);

export type OutboxMessageRow = typeof outboxMessages.$inferSelect;
export type WebhookEndpointRow = typeof webhookEndpoints.$inferSelect;
export type WebhookDeliveryRow = typeof webhookDeliveries.$inferSelect;

/** Encryption contexts (lib/security/crypto) of the columns above, and the account process kinds. */
export const WEBHOOK_SECRET_CONTEXT = 'webhook_endpoint.secret';
export const OUTBOX_RECIPIENT_CONTEXT = 'outbox_message.to';
