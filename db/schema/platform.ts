import { bigint, bigserial, date, index, integer, jsonb, pgTable, smallint, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

/** One row: the offset of the product clock from real time (moved by the simulators). */
export const clockSettings = pgTable('clock_settings', {
  id: smallint('id').primaryKey().default(1),
  offsetMs: bigint('offset_ms', { mode: 'number' }).notNull().default(0),
});

/** Counters of rate-limiter-flexible (RateLimiterDrizzle expects key / points / expire). */
export const rateLimits = pgTable('rate_limits', {
  key: varchar('key', { length: 255 }).primaryKey(),
  points: integer('points').notNull().default(0),
  expire: timestamp('expire', { withTimezone: true }),
});

/**
 * Append-only audit log. Each row carries the hash of the previous row, so that any
 * edit or deletion breaks the chain (SPEC §13). No clear personal data goes in `data`.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorAccountId: uuid('actor_account_id'),
    accountId: uuid('account_id'),
    action: text('action').notNull(),
    target: text('target'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_log_account_idx').on(t.accountId), index('audit_log_actor_idx').on(t.actorAccountId), index('audit_log_at_idx').on(t.at)],
);

/**
 * The official holiday schedule entered by staff for years the calendar package does
 * not know yet (SPEC §1): each row overrides one day — `holiday` (休) or `workday`
 * (调休 上班). Business-day arithmetic combines these rows with chinese-days.
 */
export const calendarDays = pgTable('calendar_days', {
  day: date('day', { mode: 'string' }).primaryKey(),
  kind: text('kind', { enum: ['holiday', 'workday'] }).notNull(),
  /** e.g. 春节, 国庆节 */
  name: text('name').notNull(),
  enteredBy: uuid('entered_by'),
  enteredAt: timestamp('entered_at', { withTimezone: true }).notNull(),
});
