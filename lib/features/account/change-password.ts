import { findAccountById, revokeAccountSessions, setAccountPassword } from '@/db/queries/accounts';
import { appendAudit } from '@/db/queries/audit';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { accountEmail } from '@/lib/domain/account-links';
import { auditTarget } from '@/lib/domain/audit';
import { AppError } from '@/lib/errors';
import type { ChangePasswordInput } from '@/lib/schemas/auth';
import { createLimiter, type LimitRule } from '@/lib/security/rate-limit';
import { requestRunSoon } from '@/lib/jobs/run-soon';
import type { ServiceContext } from '../context';
import { consoleUrl } from './issue-account-link';
import { queueAccountEmail } from '@/lib/features/notifications';

/** Wrong 当前密码 tolerated per account before 修改密码 is locked for 15 minutes (as sign-in's SIGN_IN_ACCOUNT_RULE). */
export const CHANGE_PASSWORD_RULE: LimitRule = { name: 'password-change-account', points: 10, durationSeconds: 15 * 60, blockSeconds: 15 * 60 };

/**
 * 修改密码 on 账号信息: the current password proves it is the owner and not just a session
 * left open; each try uses a point of the account's limit before the check (as sign-in does)
 * and a success gives it back. The new password ends every OTHER session of the account;
 * the one that changed it stays. The owner is mailed that it happened.
 */
export async function changePassword(
  ctx: ServiceContext,
  input: { accountId: string; sessionId: string } & Pick<ChangePasswordInput, 'currentPassword' | 'newPassword'>,
): Promise<{ sessionsRevoked: number }> {
  const now = await ctx.clock.now();
  const limiter = createLimiter(ctx.db, CHANGE_PASSWORD_RULE);
  const take = await limiter.take(input.accountId);
  if (!take.allowed) {
    await appendAudit(ctx.db, { at: now, action: 'password.change_limited', actorAccountId: input.accountId, accountId: input.accountId });
    throw new AppError('PASSWORD_CHANGE_LOCKED');
  }
  const account = await findAccountById(ctx.db, input.accountId);
  if (!account || account.closedAt) throw new AppError('UNAUTHENTICATED');
  if (!(await verifyPassword(account.passwordHash, input.currentPassword))) {
    await appendAudit(ctx.db, { at: now, action: 'password.change_failed', actorAccountId: account.id, accountId: account.id, data: { reason: 'current_password' } });
    throw new AppError('WRONG_CURRENT_PASSWORD');
  }
  await limiter.giveBack(input.accountId);
  if (input.newPassword === input.currentPassword) throw new AppError('PASSWORD_UNCHANGED');

  const passwordHash = await hashPassword(input.newPassword);
  const changed = await ctx.db.transaction(async (tx) => {
    await setAccountPassword(tx, account.id, passwordHash, now);
    // Session times are real time (ADR 0002).
    const sessionsRevoked = await revokeAccountSessions(tx, account.id, new Date(), { exceptSessionId: input.sessionId });
    await queueAccountEmail(tx, {
      accountId: account.id,
      to: account.email,
      mail: accountEmail({ kind: 'password_changed', how: 'changed', resetLink: consoleUrl('/forgot-password') }),
      now,
    });
    await appendAudit(tx, { at: now, action: 'password.changed', actorAccountId: account.id, accountId: account.id, target: auditTarget('session', input.sessionId), data: { sessionsRevoked } });
    return { sessionsRevoked };
  });
  requestRunSoon('outbox');
  return changed;
}
