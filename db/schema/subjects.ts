import { sql } from 'drizzle-orm';
import { date, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { PERSONAL_DOCUMENT_TYPES } from '@/lib/domain/identity/personal-document-types';
import { SUBJECT_DOCUMENT_TYPES } from '@/lib/domain/identity/subject-document-types';
import { PERSONAL_STATES } from '@/lib/domain/verification/personal-machine';
import { PERSONAL_METHODS } from '@/lib/domain/verification/personal-methods';
import { SUBJECT_METHODS } from '@/lib/domain/verification/subject-methods';
import { accounts } from './accounts';

export const subjectKindEnum = pgEnum('subject_kind', ['person', 'enterprise']);
export const subjectDocumentTypeEnum = pgEnum('subject_document_type', SUBJECT_DOCUMENT_TYPES);
export const subjectMethodEnum = pgEnum('subject_method', SUBJECT_METHODS);

/**
 * The verified owner of an account (SPEC §1). An account has at most one current
 * subject (`replaced_at` null); a completed change replaces it and keeps the old row.
 */
export const subjects = pgTable(
  'subjects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    kind: subjectKindEnum('kind').notNull(),
    /** 真实姓名 or 企业名称. */
    name: text('name').notNull(),
    /** resident_id / hk_macau_permit / taiwan_permit, or the enterprise's licence type. */
    documentType: subjectDocumentTypeEnum('document_type').notNull(),
    /** AES-256-GCM ciphertext of the normalised number (SPEC §9). */
    documentNumberEnc: text('document_number_enc').notNull(),
    /** Blind index of the identity the limits count (R-LIM-1, R-LIM-2). */
    identityKey: text('identity_key').notNull(),
    /** wechat / face / qq / oa / … */
    method: subjectMethodEnum('method').notNull(),
    province: text('province'),
    city: text('city'),
    district: text('district'),
    addressDetail: text('address_detail'),
    industry: text('industry'),
    /** Enterprise subjects: 企业联系人 (R-OWN-5), the legal representative as verified, the licence. */
    contactName: text('contact_name'),
    contactIdNumberEnc: text('contact_id_number_enc'),
    contactMobileEnc: text('contact_mobile_enc'),
    legalRepName: text('legal_rep_name'),
    legalRepIdNumberEnc: text('legal_rep_id_number_enc'),
    licenceUploadId: uuid('licence_upload_id'),
    /** R-OWN-5: when 使用CDN服务 was turned on for this enterprise subject (only with complete contact data); null when off. */
    cdnEnabledAt: timestamp('cdn_enabled_at', { withTimezone: true }),
    verifiedAt: timestamp('verified_at', { withTimezone: true }).notNull(),
    replacedAt: timestamp('replaced_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('subjects_one_current_per_account').on(t.accountId).where(sql`${t.replacedAt} is null`),
    index('subjects_identity_current_idx').on(t.identityKey).where(sql`${t.replacedAt} is null`),
    // The registry re-check's first claim (db/queries/registry-rechecks.ts): current 营业执照 subjects, oldest first.
    index('subjects_registry_recheck_idx')
      .on(t.verifiedAt)
      .where(sql`${t.kind} = 'enterprise' and ${t.replacedAt} is null and ${t.documentType} = 'business_licence'`),
    // Retention asks whether an upload is still a subject's licence.
    index('subjects_licence_upload_idx').on(t.licenceUploadId).where(sql`${t.licenceUploadId} is not null`),
  ],
);

/**
 * One row per identity key, locked `FOR UPDATE` while a completion counts and takes a
 * slot, so that racing completions for the last slot serialise (SECURITY 7).
 */
export const identityLocks = pgTable('identity_locks', {
  identityKey: text('identity_key').primaryKey(),
});

/**
 * R-LIM-9: the one verification or change request an account has in progress. The
 * primary key makes a second start fail whatever the race.
 */
export const accountProcesses = pgTable('account_processes', {
  accountId: uuid('account_id')
    .primaryKey()
    .references(() => accounts.id),
  kind: text('kind').notNull(),
  processId: uuid('process_id').notNull(),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
});

export const personalStateEnum = pgEnum('personal_verification_state', PERSONAL_STATES);
export const personalMethodEnum = pgEnum('personal_method', PERSONAL_METHODS);
export const personalDocumentTypeEnum = pgEnum('personal_document_type', PERSONAL_DOCUMENT_TYPES);

/** One attempt of an account to verify as a person (SPEC §4). */
export const personalVerifications = pgTable(
  'personal_verifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    state: personalStateEnum('state').notNull(),
    realName: text('real_name').notNull(),
    documentType: personalDocumentTypeEnum('document_type').notNull(),
    documentNumberEnc: text('document_number_enc').notNull(),
    identityKey: text('identity_key').notNull(),
    /** From the ID number; for permits from the channel at completion (R-LIM-4). */
    birthDate: date('birth_date', { mode: 'string' }),
    industry: text('industry'),
    province: text('province').notNull(),
    city: text('city').notNull(),
    district: text('district').notNull(),
    addressDetail: text('address_detail').notNull(),
    method: personalMethodEnum('method'),
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
    index('personal_verifications_account_idx').on(t.accountId, t.createdAt),
    index('personal_verifications_session_idx').on(t.channelSessionId),
    // Retention's claims (db/queries/retention.ts): idle unfinished attempts, and ended ones past the period.
    index('personal_verifications_in_progress_idx').on(t.updatedAt).where(sql`${t.state} in ('draft', 'confirmed', 'awaiting_channel')`),
    index('personal_verifications_ended_idx')
      .on(sql`coalesce(${t.completedAt}, ${t.updatedAt})`)
      .where(sql`${t.state} in ('failed', 'expired', 'cancelled')`),
    // 运营看板 (db/queries/insights.ts): the period's starts, and its ends for the trend and the durations.
    index('personal_verifications_created_idx').on(t.createdAt),
    index('personal_verifications_ended_at_idx').on(t.completedAt).where(sql`${t.state} in ('succeeded', 'failed', 'expired')`),
  ],
);

export type SubjectRow = typeof subjects.$inferSelect;
export type PersonalVerificationRow = typeof personalVerifications.$inferSelect;

/** Encryption contexts (lib/security/crypto) of the columns above, and the account process kinds. */
/** The account process (R-LIM-9) a change request holds from 开始修改 to its end. */
export const CHANGE_PROCESS = 'subject_change';
/** Encryption contexts of an enterprise subject's columns (the code uses SUBJECT_DOCUMENT_CONTEXT, as persons' numbers). */
export const SUBJECT_CONTACT_ID_CONTEXT = 'subject.contact_id_number';
export const SUBJECT_CONTACT_MOBILE_CONTEXT = 'subject.contact_mobile';
export const SUBJECT_LEGAL_REP_ID_CONTEXT = 'subject.legal_rep_id_number';
export const SUBJECT_DOCUMENT_CONTEXT = 'subject.document_number';
/** The account process (R-LIM-9) an enterprise verification holds. */
export const ENTERPRISE_PROCESS = 'enterprise_verification';
export const DOCUMENT_NUMBER_CONTEXT = 'personal_verification.document_number';
export const PERSONAL_PROCESS = 'personal_verification';
