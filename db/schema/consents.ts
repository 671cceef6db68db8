import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './accounts';

/**
 * A separate consent (PIPL art. 29–30, SECURITY 17) given before the product collects
 * face data, ID photos or a bank account: which text (purpose + version) the account
 * accepted, when, and for which process. Never updated: a new consent is a new row.
 */
export const consents = pgTable(
  'consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    /** lib/domain/consent.ts CONSENT_PURPOSES. */
    purpose: text('purpose').notNull(),
    /** The version of the text shown, e.g. `2026-11`. */
    textVersion: text('text_version').notNull(),
    /** What the consent was given for, e.g. `personal_verification:<id>`. */
    processRef: text('process_ref').notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('consents_account_idx').on(t.accountId, t.acceptedAt)],
);

export type ConsentRow = typeof consents.$inferSelect;
