import { bigint, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './accounts';

/**
 * An account's TOTP authenticator (两步验证, ADR 0024). The secret is AES-256-GCM
 * ciphertext (lib/security/crypto, context `two_factor.totp_secret`); the row exists
 * from the start of enrolment and counts only once `confirmedAt` is set.
 */
export const twoFactorCredentials = pgTable('two_factor_credentials', {
  accountId: uuid('account_id')
    .primaryKey()
    .references(() => accounts.id, { onDelete: 'cascade' }),
  secretEnc: text('secret_enc').notNull(),
  confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  /** The last RFC 6238 time step accepted: a code of this step or an earlier one is refused (replay). */
  lastUsedStep: bigint('last_used_step', { mode: 'number' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

/** Single-use recovery codes (恢复码), stored as keyed hashes only. */
export const twoFactorRecoveryCodes = pgTable(
  'two_factor_recovery_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  // Leads with account_id, so it also serves the look-up of an account's codes.
  (t) => [uniqueIndex('two_factor_recovery_codes_hash_idx').on(t.accountId, t.codeHash)],
);
