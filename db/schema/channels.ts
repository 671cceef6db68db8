import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgEnum, pgTable, text, timestamp, unique, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { CHANNEL_SESSION_STATES, type ChannelResult, type ChannelSessionPurpose, type SessionChannel } from '@/lib/domain/channel-session';
import { accounts } from './accounts';

/** The channels of docs/channel-protocol.md. */
export const channelEnum = pgEnum('channel', ['wechat', 'qq', 'face', 'oa', 'registry', 'bank', 'notify']);

export const channelRequestStatusEnum = pgEnum('channel_request_status', ['pending', 'succeeded', 'failed']);

/**
 * Every product → channel request with an effect, saved BEFORE the call with its
 * idempotency key, so that a retry after a crash or a timeout sends the same key and
 * the channel performs the effect once (SECURITY 30). At most one request per
 * (channel, operation, reference) is pending at a time: concurrent callers share it.
 */
export const channelRequests = pgTable(
  'channel_requests',
  {
    idempotencyKey: uuid('idempotency_key').primaryKey(),
    channel: channelEnum('channel').notNull(),
    operation: text('operation').notNull(),
    /** The product's id of what the request serves (a verification, a payout…). */
    reference: text('reference').notNull(),
    status: channelRequestStatusEnum('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    /** The channel's parsed answer (succeeded) — never personal data. */
    response: jsonb('response').$type<unknown>(),
    /** Why the last attempt failed (a ChannelFailure kind), for operators. */
    lastFailure: text('last_failure'),
    lastHttpStatus: integer('last_http_status'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('channel_requests_one_pending_idx').on(t.channel, t.operation, t.reference).where(sql`${t.status} = 'pending'`),
    index('channel_requests_reference_idx').on(t.reference),
  ],
);

export const channelSessionStateEnum = pgEnum('channel_session_state', CHANNEL_SESSION_STATES);

/** A channel session as the product sees it (lib/domain/channel-session.ts holds its rules). */
export const channelSessions = pgTable(
  'channel_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    channel: channelEnum('channel').$type<SessionChannel>().notNull(),
    purpose: text('purpose').$type<ChannelSessionPurpose>().notNull(),
    reference: text('reference').notNull(),
    accountId: uuid('account_id').references(() => accounts.id, { onDelete: 'set null' }),
    externalSessionId: text('external_session_id').notNull(),
    scanUrl: text('scan_url').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    state: channelSessionStateEnum('state').notNull().default('open'),
    result: text('result').$type<ChannelResult>(),
    /** Birth date of the channel's real-name record, when matched (R-LIM-4 for permit holders). */
    birthDate: date('birth_date', { mode: 'string' }),
    /** OA: the enterprise name the platform verified, or null when unverified. */
    verifiedEnterpriseName: text('verified_enterprise_name'),
    /** The request that opened it. */
    idempotencyKey: uuid('idempotency_key')
      .notNull()
      .references(() => channelRequests.idempotencyKey),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    settledAt: timestamp('settled_at', { withTimezone: true }),
    /** When the poll job asks the provider for the result next (null: not asked yet); see POLL_SCHEDULE. */
    nextPollAt: timestamp('next_poll_at', { withTimezone: true }),
  },
  (t) => [
    unique('channel_sessions_external_id_key').on(t.channel, t.externalSessionId),
    index('channel_sessions_reference_idx').on(t.reference),
    // The sweeper's claim: open sessions by deadline.
    index('channel_sessions_open_deadline_idx').on(t.expiresAt).where(sql`${t.state} = 'open'`),
    // The poll job's claim: open sessions of a channel by their next ask.
    index('channel_sessions_open_poll_idx').on(t.channel, t.nextPollAt).where(sql`${t.state} = 'open'`),
  ],
);

export const channelEventStatusEnum = pgEnum('channel_event_status', ['received', 'processed', 'ignored', 'deferred']);

/**
 * Every signed callback accepted, stored before it is processed (SECURITY A6) and
 * unique per (channel, webhook-id) so that a repeated delivery has no second effect
 * (A4). `received` rows are retried until processed; `deferred` rows are events no
 * product aggregate handles yet (the bank's, until recharges and payouts exist).
 */
export const channelEvents = pgTable(
  'channel_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    channel: channelEnum('channel').notNull(),
    webhookId: varchar('webhook_id', { length: 255 }).notNull(),
    type: text('type').notNull(),
    /** The channel's id of what the event is about (sessionId, payoutId, transferId…). */
    subjectId: text('subject_id'),
    reference: text('reference'),
    /** `{type, data}` as received, AES-256-GCM (bank events carry account numbers, SPEC §9). */
    payloadEnc: text('payload_enc').notNull(),
    status: channelEventStatusEnum('status').notNull().default('received'),
    /** What processing did: the new state, or why nothing changed. */
    outcome: text('outcome'),
    attempts: integer('attempts').notNull().default(0),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    processedAt: timestamp('processed_at', { withTimezone: true }),
  },
  (t) => [
    unique('channel_events_webhook_id_key').on(t.channel, t.webhookId),
    index('channel_events_status_idx').on(t.status, t.receivedAt),
  ],
);

export type ChannelSessionRow = typeof channelSessions.$inferSelect;
export type ChannelEventRow = typeof channelEvents.$inferSelect;
export type ChannelRequestRow = typeof channelRequests.$inferSelect;

/** Encryption contexts (lib/security/crypto) of the columns above, and the account process kinds. */
export const CHANNEL_EVENT_PAYLOAD_CONTEXT = 'channel_event.payload';
