import { sql } from 'drizzle-orm';
import { index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { CHANGE_REQUEST_STATES } from '@/lib/domain/change/change-machines';
import { CHANGE_TYPES } from '@/lib/domain/change/change-types';
import { accounts } from './accounts';
import { enterpriseVerifications } from './enterprise';
import { personalVerifications, subjects } from './subjects';

export const changeTypeEnum = pgEnum('change_type', CHANGE_TYPES);
export const changeRequestStateEnum = pgEnum('change_request_state', CHANGE_REQUEST_STATES);

/**
 * One request to change an account's verified subject (SPEC §6, ADR 0013). The old
 * subject stays current until the request completes (R-CHG-2); the new subject is proven
 * by an ordinary personal or enterprise verification linked here, which the existing
 * wizards run. The account process (R-LIM-9) is held by the request from 开始修改 to its end.
 */
export const changeRequests = pgTable(
  'change_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    /** Null on a personal request until 变更为企业主体 / 变更个人主体 is chosen (R-CHG-P2). */
    type: changeTypeEnum('type'),
    state: changeRequestStateEnum('state').notNull(),
    /** The subject in force when the request started; replaced only at completion. */
    oldSubjectId: uuid('old_subject_id')
      .notNull()
      .references(() => subjects.id),
    /** Written at completion. */
    newSubjectId: uuid('new_subject_id').references(() => subjects.id),
    /**
     * The latest linked verification of the new subject (a failed one stays linked: its
     * reason is shown). An ended one is deleted after the retention period (SECURITY 21):
     * the link goes with it.
     */
    personalVerificationId: uuid('personal_verification_id').references(() => personalVerifications.id, { onDelete: 'set null' }),
    enterpriseVerificationId: uuid('enterprise_verification_id').references(() => enterpriseVerifications.id, { onDelete: 'set null' }),
    /** The current face / WeChat session of the step's person (the current subject for a personal request). */
    faceSessionId: uuid('face_session_id'),
    /**
     * The enterprise types' own data (R-CHG-E1 … E3). Names are public; ID and code
     * numbers are AES-256-GCM ciphertexts (SPEC §9) under the contexts in
     * lib/features/change/change-request-steps.ts.
     * - A → B: the OLD legal rep (变更前企业法人姓名/身份证号), the new 企业名称, code and 通讯地址.
     * - rename: the new name, and the name it replaces (kept: R-CHG-E6 invoices).
     * - legal-rep update: the NEW legal rep (变更后企业法人姓名/身份证号) and the channel chosen.
     */
    legalRepName: text('legal_rep_name'),
    legalRepIdNumberEnc: text('legal_rep_id_number_enc'),
    newName: text('new_name'),
    previousName: text('previous_name'),
    newCodeEnc: text('new_code_enc'),
    province: text('province'),
    city: text('city'),
    district: text('district'),
    addressDetail: text('address_detail'),
    /** legal-rep update: wechat | face (LEGAL_REP_UPDATE_CHANNELS). */
    channel: text('channel'),
    /** The review case of the proofs (A → B, rename on its review path): the latest round's case. */
    reviewCaseId: uuid('review_case_id'),
    /** R-CHG-E1: when the request expires as a whole; null for the types without a deadline. */
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    /** SPEC §8: when the owner was told the deadline is one business day away (once). */
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    /** Bumped on every write: a stale form cannot overwrite newer data. */
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('change_requests_account_idx').on(t.accountId, t.createdAt),
    index('change_requests_personal_verification_idx').on(t.personalVerificationId),
    index('change_requests_enterprise_verification_idx').on(t.enterpriseVerificationId),
    // 运营看板: the period's requests.
    index('change_requests_created_idx').on(t.createdAt),
    // The A → B sweeper's claim (part 2): unfinished requests by deadline.
    index('change_requests_open_deadline_idx')
      .on(t.expiresAt)
      .where(sql`${t.state} not in ('completed', 'cancelled', 'expired') and ${t.expiresAt} is not null`),
  ],
);

export type ChangeRequestRow = typeof changeRequests.$inferSelect;

/** Encryption contexts (lib/security/crypto) of the columns above, and the account process kinds. */
/** Encryption contexts of the enterprise types' numbers on a change request (db/schema/change.ts). */
export const CHANGE_LEGAL_REP_ID_CONTEXT = 'change_request:legal_rep_id_number';
export const CHANGE_NEW_CODE_CONTEXT = 'change_request:new_code';
