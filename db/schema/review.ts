import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { REVIEW_CASE_STATES } from '@/lib/domain/review/case-machine';
import type { ReviewItemKey } from '@/lib/domain/review/items';
import { REVIEW_CASE_KINDS } from '@/lib/domain/review/kinds';
import type { RejectionPick } from '@/lib/domain/review/reasons';
import { accounts } from './accounts';
import { uploads } from './uploads';

export const reviewCaseKindEnum = pgEnum('review_case_kind', REVIEW_CASE_KINDS);
export const reviewCaseStateEnum = pgEnum('review_case_state', REVIEW_CASE_STATES);

/**
 * 审核单 (SPEC §7): materials a flow collected, waiting for a reviewer. Decided once per
 * round (a conditional UPDATE … WHERE state = 'open' AND round = …); a re-submission after
 * a rejection re-opens it as the next round with only the rejected items replaced.
 * docs/decisions/0010-review-cases.md.
 */
export const reviewCases = pgTable(
  'review_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    kind: reviewCaseKindEnum('kind').notNull(),
    /** The id of what the opening flow tracks (a payout verification, a change request…). */
    processId: uuid('process_id').notNull(),
    state: reviewCaseStateEnum('state').notNull().default('open'),
    round: integer('round').notNull().default(1),
    /** What the business registry answered for the enterprise, as the flow received it (optional). */
    registryAnswer: jsonb('registry_answer').$type<Record<string, unknown>>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /** When the current round was submitted: the SLA clock starts here. */
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
    /** openedAt + the kind's business days (lib/domain/review/kinds.ts). */
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: uuid('decided_by').references(() => accounts.id),
    /** The reasons of the latest rejection (kept through the next round, for the reviewer). */
    reasons: jsonb('reasons').$type<RejectionPick[]>().notNull().default([]),
    /** The round those reasons rejected (null before any rejection). */
    reasonsRound: integer('reasons_round'),
    /** The reviewer's note on the latest rejection: staff only, never shown to the user. */
    internalNote: text('internal_note'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('review_cases_queue_idx').on(t.state, t.dueAt),
    index('review_cases_account_idx').on(t.accountId, t.createdAt),
    index('review_cases_process_idx').on(t.processId),
    // 运营看板: the period's decisions.
    index('review_cases_decided_idx').on(t.decidedAt).where(sql`${t.decidedAt} is not null`),
  ],
);

/**
 * One thing a case judges: a text, a masked value (encrypted, revealed to staff only with
 * an audit row) or an upload. `submittedRound` tells which round last replaced it.
 */
export const reviewCaseItems = pgTable(
  'review_case_items',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => reviewCases.id, { onDelete: 'cascade' }),
    key: text('key').$type<ReviewItemKey>().notNull(),
    position: integer('position').notNull(),
    textValue: text('text_value'),
    /** AES-256-GCM ciphertext (context `review_case_item:<key>`), for masked items. */
    valueEnc: text('value_enc'),
    uploadId: uuid('upload_id').references(() => uploads.id),
    submittedRound: integer('submitted_round').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.key] })],
);

/**
 * 站内信, minimal: written in the transaction of the state change it reports (SPEC §8).
 * Issue 9 builds the outbox (email, SMS, WeChat) and the inbox pages around it.
 */
export const siteMessages = pgTable(
  'site_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    title: text('title').notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [index('site_messages_account_idx').on(t.accountId, t.createdAt)],
);

export type ReviewCaseRow = typeof reviewCases.$inferSelect;
export type ReviewCaseItemRow = typeof reviewCaseItems.$inferSelect;
export type SiteMessageRow = typeof siteMessages.$inferSelect;
