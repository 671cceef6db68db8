import { lockAccountToken, useAccountTokens } from '@/db/queries/account-tokens';
import { confirmAccountEmail, findAccountById, revokeAccountSessions, setAccountPassword } from '@/db/queries/accounts';
import { appendAudit } from '@/db/queries/audit';
import { hashPassword } from '@/lib/auth/password';
import { accountEmail, linkState } from '@/lib/domain/account-links';
import { auditTarget } from '@/lib/domain/audit';
import { AppError } from '@/lib/errors';
import { blindIndex } from '@/lib/security/crypto';
import { hashLinkToken } from '@/lib/security/link-token';
import { createLimiter } from '@/lib/security/rate-limit';
import { requestRunSoon } from '@/lib/jobs/run-soon';
import type { ServiceContext } from '../context';
import { consoleUrl } from './issue-account-link';
import { queueAccountEmail } from '@/lib/features/notifications';
import { SIGN_IN_ACCOUNT_RULE } from './sign-in';

/**
 * 重置密码: the reset link's token, used once within 30 minutes (product clock), sets the
 * new password and ends EVERY session of the account — whoever knew the old password is
 * out. Opening the link proved the mailbox, so an unconfirmed address is confirmed too;
 * and the account's sign-in lock (failed attempts) is lifted, so that a stranger's guesses
 * cannot keep the owner out after a reset. The owner is mailed that it happened.
 */
export async function resetPassword(ctx: ServiceContext, input: { token: string; password: string }): Promise<{ accountId: string; sessionsRevoked: number }> {
  const passwordHash = await hashPassword(input.password);
  const now = await ctx.clock.now();
  const result = await ctx.db.transaction(async (tx) => {
    const row = await lockAccountToken(tx, 'password_reset', hashLinkToken(input.token));
    if (linkState(row, now) !== 'valid') throw new AppError('LINK_INVALID');
    const account = await findAccountById(tx, row!.accountId);
    if (!account || account.closedAt) throw new AppError('LINK_INVALID');
    await useAccountTokens(tx, account.id, 'password_reset', now);
    await setAccountPassword(tx, account.id, passwordHash, now);
    const confirmed = await confirmAccountEmail(tx, account.id, now);
    // Session times are real time (ADR 0002).
    const sessionsRevoked = await revokeAccountSessions(tx, account.id, new Date());
    await queueAccountEmail(tx, {
      accountId: account.id,
      to: account.email,
      mail: accountEmail({ kind: 'password_changed', how: 'reset', resetLink: consoleUrl('/forgot-password') }),
      now,
    });
    await appendAudit(tx, {
      at: now,
      action: 'password_reset.completed',
      actorAccountId: account.id,
      accountId: account.id,
      target: auditTarget('account_token', row!.id),
      data: { sessionsRevoked, emailConfirmed: confirmed },
    });
    return { accountId: account.id, email: account.email, sessionsRevoked };
  });
  await createLimiter(ctx.db, SIGN_IN_ACCOUNT_RULE).reset(blindIndex(result.email, 'signin-email'));
  requestRunSoon('outbox');
  return { accountId: result.accountId, sessionsRevoked: result.sessionsRevoked };
}
