import { sql } from 'drizzle-orm';
import { index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { LICENCE_TYPES } from '@/lib/domain/identity/licence-types';
import { ENTERPRISE_STATES } from '@/lib/domain/verification/enterprise-machine';
import { ENTERPRISE_METHODS } from '@/lib/domain/verification/enterprise-methods';
import { accounts } from './accounts';
import { uploads } from './uploads';

export const enterpriseStateEnum = pgEnum('enterprise_verification_state', ENTERPRISE_STATES);
export const enterpriseMethodEnum = pgEnum('enterprise_method', ENTERPRISE_METHODS);
export const licenceTypeEnum = pgEnum('licence_type', LICENCE_TYPES);

/** One attempt of an account to verify as an enterprise (SPEC §5). */
export const enterpriseVerifications = pgTable(
  'enterprise_verifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    state: enterpriseStateEnum('state').notNull(),
    /** business_licence (营业执照) / other (非营业执照). */
    licenceType: licenceTypeEnum('licence_type').notNull(),
    licenceUploadId: uuid('licence_upload_id')
      .notNull()
      .references(() => uploads.id),
    enterpriseName: text('enterprise_name').notNull(),
    /** AES-256-GCM ciphertext of the normalised code (masked on display, SPEC §9). */
    codeEnc: text('code_enc').notNull(),
    /** Blind index of the enterprise the limits count: its code, or its exact name without one (R-LIM-2). */
    identityKey: text('identity_key').notNull(),
    province: text('province').notNull(),
    city: text('city').notNull(),
    district: text('district').notNull(),
    addressDetail: text('address_detail').notNull(),
    contactName: text('contact_name').notNull(),
    contactIdNumberEnc: text('contact_id_number_enc').notNull(),
    contactMobileEnc: text('contact_mobile_enc').notNull(),
    /** When the registry last confirmed code, name and 存续 (R-E-REG); null when not applicable or not yet. */
    registryCheckedAt: timestamp('registry_checked_at', { withTimezone: true }),
    /** oa / legal_rep_wechat / legal_rep_face / recharge / payout (lib/domain/verification/enterprise-methods.ts). */
    method: enterpriseMethodEnum('method'),
    legalRepName: text('legal_rep_name'),
    legalRepIdNumberEnc: text('legal_rep_id_number_enc'),
    channelSessionId: uuid('channel_session_id'),
    /** Why it failed, as a code of lib/domain (the page turns it into Chinese). */
    failureCode: text('failure_code'),
    /** Bumped on every write: a stale form cannot overwrite newer data. */
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [
    index('enterprise_verifications_account_idx').on(t.accountId, t.createdAt),
    index('enterprise_verifications_session_idx').on(t.channelSessionId),
    // Retention's claims (db/queries/retention.ts): idle unfinished attempts, ended ones past the period, and whether an upload is a licence.
    index('enterprise_verifications_in_progress_idx').on(t.updatedAt).where(sql`${t.state} in ('draft', 'awaiting_channel')`),
    index('enterprise_verifications_ended_idx')
      .on(sql`coalesce(${t.completedAt}, ${t.updatedAt})`)
      .where(sql`${t.state} in ('failed', 'expired', 'cancelled')`),
    index('enterprise_verifications_licence_upload_idx').on(t.licenceUploadId),
    // 运营看板 (db/queries/insights.ts): the period's starts, and its ends for the trend and the durations.
    index('enterprise_verifications_created_idx').on(t.createdAt),
    index('enterprise_verifications_ended_at_idx').on(t.completedAt).where(sql`${t.state} in ('succeeded', 'failed', 'expired')`),
  ],
);

/**
 * R-LIM-2: an enterprise's own account limit when an account manager changed it (the
 * default, 10, applies otherwise). Every change is audited with its reason.
 */
export const enterpriseLimits = pgTable('enterprise_limits', {
  identityKey: text('identity_key').primaryKey(),
  maxAccounts: integer('max_accounts').notNull(),
  reason: text('reason').notNull(),
  updatedBy: uuid('updated_by')
    .notNull()
    .references(() => accounts.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

export type EnterpriseVerificationRow = typeof enterpriseVerifications.$inferSelect;
export type EnterpriseLimitRow = typeof enterpriseLimits.$inferSelect;

/** Encryption contexts (lib/security/crypto) of the columns above, and the account process kinds. */
/** Encryption contexts of the verification's sensitive columns (SPEC §9). */
export const ENTERPRISE_CODE_CONTEXT = 'enterprise_verification.code';
export const ENTERPRISE_CONTACT_ID_CONTEXT = 'enterprise_verification.contact_id_number';
export const ENTERPRISE_CONTACT_MOBILE_CONTEXT = 'enterprise_verification.contact_mobile';
export const ENTERPRISE_LEGAL_REP_ID_CONTEXT = 'enterprise_verification.legal_rep_id_number';
