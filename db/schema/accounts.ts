import { boolean, pgEnum, pgTable, text, timestamp, uuid, char, index } from 'drizzle-orm/pg-core';

export const roleEnum = pgEnum('account_role', ['user', 'reviewer', 'account_manager']);

export const accounts = pgTable('accounts', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** 账号ID: 10 digits, shown to the user. */
  accountNumber: char('account_number', { length: 10 }).notNull().unique(),
  /** APPID: 10 digits, used by API integrations. */
  appId: char('app_id', { length: 10 }).notNull().unique(),
  /** Normalised (trimmed, lower-case); the sign-in name and 联系邮箱. */
  email: text('email').notNull().unique(),
  passwordHash: text('password_hash').notNull(),
  nickname: text('nickname').notNull(),
  /** 联系手机, AES-256-GCM ciphertext (SPEC §9). */
  contactPhoneEnc: text('contact_phone_enc'),
  industry: text('industry'),
  role: roleEnum('role').notNull().default('user'),
  /**
   * When the owner opened the confirmation link of 联系邮箱 (product clock); null until then:
   * the console asks for it and no verification or subject change starts (ADR 0023).
   */
  emailConfirmedAt: timestamp('email_confirmed_at', { withTimezone: true }),
  /** When its personal data was deleted (删除个人信息, ADR 0016): a closed account can no longer sign in. */
  closedAt: timestamp('closed_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** Server-side record of each signed-in session, so that sign-out and timeouts really end it. */
export const userSessions = pgTable(
  'user_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    /** Password accepted, 两步验证 code not yet given: the session grants nothing (ADR 0024). */
    secondFactorPending: boolean('second_factor_pending').notNull().default(false),
    /** 登录设备: the browser and system read from the User-Agent at sign-in (a summary, never the header). */
    device: text('device'),
    /** 登录设备: the client address masked at sign-in (203.0.113.*, IPv6 /48); the full address is not kept. */
    addressMasked: text('address_masked'),
  },
  (t) => [index('user_sessions_account_idx').on(t.accountId)],
);

export const accountTokenPurposeEnum = pgEnum('account_token_purpose', ['email_confirmation', 'password_reset']);

/**
 * Single-use links sent by e-mail (ADR 0023): only the SHA-256 of the random token is kept,
 * so a copy of the database opens no account. Times are the product clock's.
 */
export const accountTokens = pgTable(
  'account_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    purpose: accountTokenPurposeEnum('purpose').notNull(),
    /** Hex SHA-256 of the token in the link. */
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('account_tokens_account_idx').on(t.accountId, t.purpose)],
);

export type AccountRow = typeof accounts.$inferSelect;
export type AccountTokenRow = typeof accountTokens.$inferSelect;
export type AccountTokenPurpose = (typeof accountTokenPurposeEnum.enumValues)[number];
export type Role = (typeof roleEnum.enumValues)[number];

/** Encryption contexts (lib/security/crypto) of the columns above, and the account process kinds. */
export const CONTACT_PHONE_CONTEXT = 'account.contact_phone';
