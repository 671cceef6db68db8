import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { PAYOUT_STATES } from '@/lib/domain/verification/payout-machine';
import { accounts } from './accounts';
import { enterpriseVerifications } from './enterprise';
import { uploads } from './uploads';

export const payoutStateEnum = pgEnum('payout_verification_state', PAYOUT_STATES);

/**
 * 企业对公打款认证 (SPEC R-E-PAY): one run of the corporate payout method of an
 * enterprise verification, from 完成填写 to the typed amount. Leaving the method and
 * coming back starts a new row; at most one runs per enterprise verification.
 */
export const payoutVerifications = pgTable(
  'payout_verifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    enterpriseVerificationId: uuid('enterprise_verification_id')
      .notNull()
      .references(() => enterpriseVerifications.id),
    state: payoutStateEnum('state').notNull(),
    /** 企业名称 when submitted: the holder name the payout is sent to. */
    enterpriseName: text('enterprise_name').notNull(),
    /** AES-256-GCM ciphertext of 企业银行卡账号 (shown as its last 4 digits, SPEC §9). */
    bankAccountEnc: text('bank_account_enc').notNull(),
    /** 开户银行: a name of lib/domain/banks.ts. */
    bankName: text('bank_name').notNull(),
    bankProvince: text('bank_province').notNull(),
    bankCity: text('bank_city').notNull(),
    bankBranch: text('bank_branch').notNull(),
    legalRepName: text('legal_rep_name').notNull(),
    legalRepIdNumberEnc: text('legal_rep_id_number_enc').notNull(),
    /** 法人手持身份证国徽面 / 人像面彩色照. */
    emblemUploadId: uuid('emblem_upload_id')
      .notNull()
      .references(() => uploads.id),
    portraitUploadId: uuid('portrait_upload_id')
      .notNull()
      .references(() => uploads.id),
    /** 经办人 (R-E-PAY 2): typed before the operator's face session. */
    operatorName: text('operator_name'),
    operatorIdNumberEnc: text('operator_id_number_enc'),
    operatorSessionId: uuid('operator_session_id'),
    operatorPassedAt: timestamp('operator_passed_at', { withTimezone: true }),
    /** What the registry answered about the legal rep at 完成填写 (asked before any transaction), shown to the reviewer. */
    registryAnswer: jsonb('registry_answer').$type<Record<string, unknown>>(),
    reviewCaseId: uuid('review_case_id'),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    /** Drawn at approval; compared on the server, never sent to the browser (SECURITY 26). */
    amountFen: integer('amount_fen'),
    /** Bumped by each resubmission after 打款失败: each payout attempt is its own idempotent request. */
    payoutAttempt: integer('payout_attempt').notNull().default(0),
    bankPayoutId: text('bank_payout_id'),
    payoutRequestedAt: timestamp('payout_requested_at', { withTimezone: true }),
    expectedArrivalAt: timestamp('expected_arrival_at', { withTimezone: true }),
    arrivedAt: timestamp('arrived_at', { withTimezone: true }),
    /** arrivedAt + 7 calendar days (R-E-PAY 5). */
    amountDeadline: timestamp('amount_deadline', { withTimezone: true }),
    /** When the deadline_approaching reminder went out (once). */
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    chancesUsed: integer('chances_used').notNull().default(0),
    /** holder_name_mismatch / account_not_found (打款失败), payout_amount_wrong / payout_expired (failed). */
    failureCode: text('failure_code'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('payout_verifications_account_idx').on(t.accountId, t.createdAt),
    uniqueIndex('payout_verifications_running_idx')
      .on(t.enterpriseVerificationId)
      .where(sql`${t.state} not in ('succeeded', 'failed', 'cancelled')`),
    index('payout_verifications_bank_payout_idx').on(t.bankPayoutId),
    index('payout_verifications_deadline_idx').on(t.state, t.amountDeadline),
    // 运营看板: the period's submissions, and whether an enterprise verification reached its payout.
    index('payout_verifications_submitted_idx').on(t.submittedAt),
    index('payout_verifications_enterprise_idx').on(t.enterpriseVerificationId),
  ],
);

export type PayoutVerificationRow = typeof payoutVerifications.$inferSelect;

/** Encryption contexts (lib/security/crypto) of the columns above, and the account process kinds. */
/** Encryption contexts of the payout's sensitive columns (SPEC §9). */
export const PAYOUT_BANK_ACCOUNT_CONTEXT = 'payout_verification.bank_account';
export const PAYOUT_LEGAL_REP_ID_CONTEXT = 'payout_verification.legal_rep_id_number';
export const PAYOUT_OPERATOR_ID_CONTEXT = 'payout_verification.operator_id_number';
