import { findAccountById } from '@/db/queries/accounts';
import { appendAudit } from '@/db/queries/audit';
import { accountEmail } from '@/lib/domain/account-links';
import { AppError } from '@/lib/errors';
import { createLimiter, type LimitRule } from '@/lib/security/rate-limit';
import { requestRunSoon } from '@/lib/jobs/run-soon';
import type { ServiceContext } from '../context';
import { issueAccountLink } from './issue-account-link';
import { queueAccountEmail } from '@/lib/features/notifications';

/** 重新发送验证邮件: 3 an hour per account. */
export const RESEND_CONFIRMATION_RULE: LimitRule = { name: 'email-confirm-resend', points: 3, durationSeconds: 60 * 60 };

/**
 * 重新发送验证邮件: a fresh confirmation link (24 h) to the account's address. The links
 * sent before keep working until they expire or one is used. Nothing is sent once the
 * address is confirmed.
 */
export async function resendEmailConfirmation(ctx: ServiceContext, accountId: string): Promise<{ sent: boolean }> {
  const account = await findAccountById(ctx.db, accountId);
  if (!account || account.closedAt) throw new AppError('NOT_FOUND');
  if (account.emailConfirmedAt) return { sent: false };
  const now = await ctx.clock.now();
  if (!(await createLimiter(ctx.db, RESEND_CONFIRMATION_RULE).take(accountId)).allowed) {
    await appendAudit(ctx.db, { at: now, action: 'email.confirmation_limited', actorAccountId: accountId, accountId });
    throw new AppError('RATE_LIMITED', { reason: { code: 'account.emailConfirmation.limited' } });
  }
  await ctx.db.transaction(async (tx) => {
    const link = await issueAccountLink(tx, { accountId, purpose: 'email_confirmation', now });
    await queueAccountEmail(tx, { accountId, to: account.email, mail: accountEmail({ kind: 'email_confirmation', link }), now });
    await appendAudit(tx, { at: now, action: 'email.confirmation_sent', actorAccountId: accountId, accountId, data: { reason: 'resend' } });
  });
  requestRunSoon('outbox');
  return { sent: true };
}
