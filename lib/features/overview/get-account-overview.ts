import { findAccountById } from '@/db/queries/accounts';
import { hasOpenReviewCase } from '@/db/queries/review-cases';
import { findAccountProcess, findCurrentSubject } from '@/db/queries/subjects';
import { accountVerificationStatus } from '@/lib/domain/account-status';
import { maskMobile } from '@/lib/domain/mask';
import { FIRST_VERIFICATION_REVIEW_KINDS } from '@/lib/domain/review/kinds';
import { AppError } from '@/lib/errors';
import { decryptField } from '@/lib/security/crypto';
import { CHANGE_PROCESS } from '@/db/schema';
import type { ServiceContext } from '../context';
import { CONTACT_PHONE_CONTEXT } from '@/db/schema';

/** What 账号信息 shows: display-ready, sensitive values already masked (SPEC §9). */
export async function getAccountOverview(ctx: ServiceContext, accountId: string) {
  const account = await findAccountById(ctx.db, accountId);
  if (!account) throw new AppError('NOT_FOUND');
  const [subject, process, inReview] = await Promise.all([
    findCurrentSubject(ctx.db, accountId),
    findAccountProcess(ctx.db, accountId),
    hasOpenReviewCase(ctx.db, accountId, FIRST_VERIFICATION_REVIEW_KINDS),
  ]);
  // R-CHG-2: a change in progress reads 变更中 over the old subject; SPEC §2: a first verification waiting for a reviewer reads 审核中.
  const status = accountVerificationStatus({
    hasSubject: Boolean(subject),
    changeInProgress: process?.kind === CHANGE_PROCESS,
    firstVerificationInReview: inReview,
  });
  return {
    nickname: account.nickname,
    accountNumber: account.accountNumber,
    appId: account.appId,
    status,
    industry: account.industry,
    contactPhoneMasked: account.contactPhoneEnc ? maskMobile(decryptField(account.contactPhoneEnc, CONTACT_PHONE_CONTEXT)) : null,
    email: account.email,
    role: account.role,
  };
}
