import { findAccountById } from '@/db/queries/accounts';
import { findCurrentSubject } from '@/db/queries/subjects';
import { ACCOUNT_STATUS_LABEL, accountVerificationStatus } from '@/lib/domain/account-status';
import { maskMobile } from '@/lib/domain/mask';
import { AppError } from '@/lib/errors';
import { decryptField } from '@/lib/security/crypto';
import type { ServiceContext } from './context';
import { CONTACT_PHONE_CONTEXT } from './update-account-profile';

/** What 账号信息 shows: display-ready, sensitive values already masked (SPEC §9). */
export async function getAccountOverview(ctx: ServiceContext, accountId: string) {
  const account = await findAccountById(ctx.db, accountId);
  if (!account) throw new AppError('NOT_FOUND');
  const subject = await findCurrentSubject(ctx.db, accountId);
  // Change requests (变更中) and reviewed first verifications (审核中) arrive with their flows.
  const status = accountVerificationStatus({ hasSubject: Boolean(subject), changeInProgress: false, firstVerificationInReview: false });
  return {
    nickname: account.nickname,
    accountNumber: account.accountNumber,
    appId: account.appId,
    status,
    statusLabel: ACCOUNT_STATUS_LABEL[status],
    industry: account.industry,
    contactPhoneMasked: account.contactPhoneEnc ? maskMobile(decryptField(account.contactPhoneEnc, CONTACT_PHONE_CONTEXT)) : null,
    email: account.email,
    role: account.role,
  };
}
