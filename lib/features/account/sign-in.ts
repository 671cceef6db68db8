import { findAccountByEmail, insertSession } from '@/db/queries/accounts';
import { appendAudit } from '@/db/queries/audit';
import { findTwoFactorCredential } from '@/db/queries/two-factor';
import { deviceSummary, maskAddress } from '@/lib/auth/device';
import { verifyPassword } from '@/lib/auth/password';
import { auditTarget } from '@/lib/domain/audit';
import { AppError } from '@/lib/errors';
import { blindIndex } from '@/lib/security/crypto';
import { createLimiter, retryLaterMinutes, type LimitRule } from '@/lib/security/rate-limit';
import type { ServiceContext } from '../context';

/** Failed sign-ins tolerated per account before it is locked for 15 minutes. */
export const SIGN_IN_ACCOUNT_RULE: LimitRule = { name: 'signin-account', points: 10, durationSeconds: 15 * 60, blockSeconds: 15 * 60 };
/** Failed sign-ins tolerated per client address per hour. */
export const SIGN_IN_ADDRESS_RULE: LimitRule = { name: 'signin-address', points: 50, durationSeconds: 60 * 60, blockSeconds: 60 * 60 };

/**
 * Checks email + password and opens a server-side session. Every attempt uses a point
 * of the per-account and the per-address limit *before* the password is checked, so
 * that parallel guesses cannot multiply the allowance (SECURITY 28); a success gives
 * them back. The answer never says whether the email exists.
 *
 * An account with 两步验证 gets a *pending* session: it grants nothing until
 * passSecondFactor accepts a code (ADR 0024). 登录设备 keeps a summary of the browser and
 * the masked address, never the User-Agent header or the full address.
 */
export async function signIn(ctx: ServiceContext, input: { email: string; password: string; address: string; userAgent?: string | null }) {
  const byAccount = createLimiter(ctx.db, SIGN_IN_ACCOUNT_RULE);
  const byAddress = createLimiter(ctx.db, SIGN_IN_ADDRESS_RULE);
  const accountKey = blindIndex(input.email, 'signin-email');
  const now = await ctx.clock.now();

  const [accountTake, addressTake] = await Promise.all([byAccount.take(accountKey), byAddress.take(input.address)]);
  if (!accountTake.allowed || !addressTake.allowed) {
    const account = await findAccountByEmail(ctx.db, input.email);
    await appendAudit(ctx.db, {
      at: now,
      action: 'sign_in.rate_limited',
      accountId: account?.id,
      data: { scope: accountTake.allowed ? 'address' : 'account' },
    });
    if (!accountTake.allowed) {
      throw new AppError('SIGN_IN_LOCKED_ACCOUNT', { reason: { code: 'account.signIn.lockedAccount', params: { minutes: retryLaterMinutes(accountTake.retryAt) } } });
    }
    throw new AppError('SIGN_IN_LOCKED_ADDRESS', {
      reason: { code: 'account.signIn.lockedAddress', params: { minutes: retryLaterMinutes((addressTake as { retryAt: Date }).retryAt) } },
    });
  }

  const account = await findAccountByEmail(ctx.db, input.email);
  // A closed account (删除个人信息, ADR 0016) signs in no more, and is told no more than a wrong password.
  if (!(await verifyPassword(account?.passwordHash, input.password)) || account?.closedAt) {
    await appendAudit(ctx.db, { at: now, action: 'sign_in.failed', accountId: account?.id, data: { reason: account ? (account.closedAt ? 'closed' : 'password') : 'unknown_email' } });
    throw new AppError('INVALID_CREDENTIALS');
  }

  await Promise.all([byAccount.reset(accountKey), byAddress.giveBack(input.address)]);
  const secondFactorPending = !!(await findTwoFactorCredential(ctx.db, account!.id))?.confirmedAt;
  return ctx.db.transaction(async (tx) => {
    // Session timeouts run on real time: moving the product clock must not sign people out.
    const session = await insertSession(tx, account!.id, new Date(), {
      secondFactorPending,
      device: deviceSummary(input.userAgent),
      addressMasked: maskAddress(input.address),
    });
    await appendAudit(tx, {
      at: now,
      action: 'sign_in.succeeded',
      actorAccountId: account!.id,
      accountId: account!.id,
      target: auditTarget('session', session.id),
      data: secondFactorPending ? { secondFactor: 'pending' } : undefined,
    });
    return { accountId: account!.id, role: account!.role, sessionId: session.id, secondFactorPending };
  });
}
