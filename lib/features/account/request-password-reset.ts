import { findAccountByEmail } from '@/db/queries/accounts';
import { appendAudit } from '@/db/queries/audit';
import { accountEmail } from '@/lib/domain/account-links';
import { AppError } from '@/lib/errors';
import { blindIndex } from '@/lib/security/crypto';
import { createLimiter, type LimitRule } from '@/lib/security/rate-limit';
import { requestRunSoon } from '@/lib/jobs/run-soon';
import type { ServiceContext } from '../context';
import { issueAccountLink } from './issue-account-link';
import { queueAccountEmail } from '@/lib/features/notifications';

/** 忘记密码 requests per address typed (whether or not it has an account): 3 an hour. */
export const RESET_PER_ACCOUNT_RULE: LimitRule = { name: 'reset-account', points: 3, durationSeconds: 60 * 60 };
/** 忘记密码 requests per client address: 10 an hour. */
export const RESET_PER_ADDRESS_RULE: LimitRule = { name: 'reset-address', points: 10, durationSeconds: 60 * 60 };

/**
 * 忘记密码: mails a reset link (30 minutes, single use) when the address has an open
 * account, and nothing otherwise — the caller answers the same either way. Both limits
 * count every request, known address or not, so that being limited tells nothing either;
 * the per-account one is keyed by a blind index of the address typed.
 */
export async function requestPasswordReset(ctx: ServiceContext, input: { email: string; address: string }): Promise<void> {
  const now = await ctx.clock.now();
  const accountKey = blindIndex(input.email, 'reset-email');
  const [byAccount, byAddress] = await Promise.all([
    createLimiter(ctx.db, RESET_PER_ACCOUNT_RULE).take(accountKey),
    createLimiter(ctx.db, RESET_PER_ADDRESS_RULE).take(input.address),
  ]);
  const account = await findAccountByEmail(ctx.db, input.email);
  const known = Boolean(account && !account.closedAt);
  if (!byAccount.allowed || !byAddress.allowed) {
    await appendAudit(ctx.db, {
      at: now,
      action: 'password_reset.rate_limited',
      accountId: known ? account!.id : undefined,
      data: { scope: byAccount.allowed ? 'address' : 'account' },
    });
    throw new AppError('RATE_LIMITED', { reason: { code: 'account.passwordReset.limited' } });
  }
  await ctx.db.transaction(async (tx) => {
    if (known) {
      const link = await issueAccountLink(tx, { accountId: account!.id, purpose: 'password_reset', now });
      await queueAccountEmail(tx, { accountId: account!.id, to: account!.email, mail: accountEmail({ kind: 'password_reset', link }), now });
    }
    await appendAudit(tx, { at: now, action: 'password_reset.requested', accountId: known ? account!.id : undefined, data: { known } });
  });  // Asked whether or not a mail was queued: the answer's timing says nothing either way.
  requestRunSoon('outbox');
}
