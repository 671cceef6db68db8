import { countHeldNames, countHeldRows, listHeldNumbers, type NumberKind } from '@/db/queries/redaction';
import { findCurrentSubject } from '@/db/queries/subjects';
import { maskBankAccount, maskIdentifier, maskMobile } from '@/lib/domain/mask';
import { decryptField } from '@/lib/security/crypto';
import { CHANGE_LEGAL_REP_ID_CONTEXT } from '@/db/schema';
import { SUBJECT_CONTACT_ID_CONTEXT, SUBJECT_CONTACT_MOBILE_CONTEXT, SUBJECT_LEGAL_REP_ID_CONTEXT } from '@/db/schema';
import { SUBJECT_DOCUMENT_CONTEXT } from '@/db/schema';
import type { ServiceContext } from '../context';
import { ENTERPRISE_CONTACT_ID_CONTEXT, ENTERPRISE_CONTACT_MOBILE_CONTEXT, ENTERPRISE_LEGAL_REP_ID_CONTEXT } from '@/db/schema';
import { PAYOUT_BANK_ACCOUNT_CONTEXT, PAYOUT_LEGAL_REP_ID_CONTEXT, PAYOUT_OPERATOR_ID_CONTEXT } from '@/db/schema';
import { authorizeReviewStaff } from '@/lib/features/account';
import { findUserAccount, REDACTION_ROLES } from './redact-account-personal-data';
import { BANK_ACCOUNT_CONTEXT } from '@/db/schema';
import { DOCUMENT_NUMBER_CONTEXT } from '@/db/schema';
import { CONTACT_PHONE_CONTEXT } from '@/db/schema';

/** The encryption context of every column listHeldNumbers reads. */
const CONTEXTS = {
  accountPhone: CONTACT_PHONE_CONTEXT,
  subjectDocument: SUBJECT_DOCUMENT_CONTEXT,
  subjectContactId: SUBJECT_CONTACT_ID_CONTEXT,
  subjectLegalRepId: SUBJECT_LEGAL_REP_ID_CONTEXT,
  subjectContactMobile: SUBJECT_CONTACT_MOBILE_CONTEXT,
  personalDocument: DOCUMENT_NUMBER_CONTEXT,
  enterpriseContactId: ENTERPRISE_CONTACT_ID_CONTEXT,
  enterpriseLegalRepId: ENTERPRISE_LEGAL_REP_ID_CONTEXT,
  enterpriseContactMobile: ENTERPRISE_CONTACT_MOBILE_CONTEXT,
  payoutBank: PAYOUT_BANK_ACCOUNT_CONTEXT,
  payoutLegalRepId: PAYOUT_LEGAL_REP_ID_CONTEXT,
  payoutOperatorId: PAYOUT_OPERATOR_ID_CONTEXT,
  changeLegalRepId: CHANGE_LEGAL_REP_ID_CONTEXT,
  bankAccount: BANK_ACCOUNT_CONTEXT,
};

const MASK: Record<NumberKind, (v: string) => string> = { id_number: maskIdentifier, mobile: maskMobile, bank_account: maskBankAccount };

/**
 * The kinds of personal data an account can hold, in the page's order (the catalogue's
 * `privacy.dataKind.<kind>`): 登录邮箱, 证件号码, 姓名, 手机号, 银行账号, 上传的文件, 审核材料,
 * 站内信, 邮件/短信/微信消息, 认证渠道返回的出生日期, Webhook, 有效的登录会话.
 */
export type PersonalDataKindName =
  | 'email'
  | 'idNumbers'
  | 'names'
  | 'mobiles'
  | 'bankAccounts'
  | 'files'
  | 'reviewItems'
  | 'siteMessages'
  | 'outboxMessages'
  | 'birthDates'
  | 'webhook'
  | 'liveSessions';

export interface PersonalDataKind {
  kind: PersonalDataKindName;
  /** How many stored values (fields or rows) of this kind the account holds. */
  count: number;
  /** The distinct values, masked (SPEC §9); empty for kinds shown by count only. */
  masked: string[];
}

export interface AccountPersonalDataSummary {
  accountNumber: string;
  createdAt: Date;
  closedAt: Date | null;
  subject: { kind: 'person' | 'enterprise'; enterpriseName: string | null } | null;
  kinds: PersonalDataKind[];
  /** Nothing personal is held any more. */
  empty: boolean;
}

/**
 * What personal data an account holds, for the account manager about to redact it (SPEC
 * §13): counts per kind and masked values, never a clear one. Names of persons are only
 * counted (no masked form of a name is shown in the back office outside a review case).
 */
export async function getAccountPersonalDataSummary(ctx: ServiceContext, actorAccountId: string, accountNumber: string): Promise<AccountPersonalDataSummary> {
  const now = await ctx.clock.now();
  await authorizeReviewStaff(ctx.db, actorAccountId, REDACTION_ROLES, now, 'account.personal_data_summary');
  const account = await findUserAccount(ctx, accountNumber);

  const numbers = await listHeldNumbers(ctx.db, account.id, CONTEXTS);
  const byKind = (kind: NumberKind) => {
    const held = numbers.filter((n) => n.kind === kind);
    const masked = new Set<string>();
    for (const n of held) {
      try {
        masked.add(MASK[kind](decryptField(n.enc, n.context)));
      } catch {
        // A value that does not decrypt is counted, not shown.
      }
    }
    return { count: held.length, masked: [...masked].sort() };
  };
  const names = await countHeldNames(ctx.db, account.id);
  const rows = await countHeldRows(ctx.db, account.id);
  const subject = await findCurrentSubject(ctx.db, account.id);
  const kinds: PersonalDataKind[] = [
    { kind: 'email', count: account.closedAt ? 0 : 1, masked: [] },
    { kind: 'idNumbers', ...byKind('id_number') },
    { kind: 'names', count: names, masked: [] },
    { kind: 'mobiles', ...byKind('mobile') },
    { kind: 'bankAccounts', ...byKind('bank_account') },
    { kind: 'files', count: rows.files, masked: [] },
    { kind: 'reviewItems', count: rows.reviewItems, masked: [] },
    { kind: 'siteMessages', count: rows.siteMessages, masked: [] },
    { kind: 'outboxMessages', count: rows.outbox, masked: [] },
    { kind: 'birthDates', count: rows.channelSessions, masked: [] },
    { kind: 'webhook', count: rows.webhook, masked: [] },
    { kind: 'liveSessions', count: rows.liveSessions, masked: [] },
  ];
  return {
    accountNumber: account.accountNumber,
    createdAt: account.createdAt,
    closedAt: account.closedAt,
    subject: subject ? { kind: subject.kind, enterpriseName: subject.kind === 'enterprise' ? subject.name : null } : null,
    kinds,
    empty: kinds.every((k) => k.count === 0),
  };
}
