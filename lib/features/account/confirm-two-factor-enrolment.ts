import { appendAudit } from '@/db/queries/audit';
import { confirmTwoFactor, findTwoFactorCredential, replaceRecoveryCodes } from '@/db/queries/two-factor';
import { checkTotpCode, newRecoveryCodes } from '@/lib/auth/totp';
import { AppError } from '@/lib/errors';
import { createLimiter } from '@/lib/security/rate-limit';
import type { ServiceContext } from '../context';
import { hashRecoveryCode, lockedMessage, openTotpSecret, TWO_FACTOR_RULE } from './two-factor-rules';

/**
 * 开启两步验证, step 2: a code from the authenticator proves it holds the secret; the
 * authenticator then counts, and 10 recovery codes are made. They are answered here in
 * clear, once — only their keyed hashes are kept. Wrong codes use the account's 5 chances
 * in 15 minutes, like the sign-in step.
 */
export async function confirmTwoFactorEnrolment(ctx: ServiceContext, input: { accountId: string; code: string }): Promise<{ recoveryCodes: string[] }> {
  const at = await ctx.clock.now();
  const credential = await findTwoFactorCredential(ctx.db, input.accountId);
  if (!credential) throw new AppError('TWO_FACTOR_NOT_STARTED');
  if (credential.confirmedAt) throw new AppError('TWO_FACTOR_ALREADY_ENROLLED');

  const limiter = createLimiter(ctx.db, TWO_FACTOR_RULE);
  const take = await limiter.take(input.accountId);
  if (!take.allowed) {
    await appendAudit(ctx.db, { at, action: 'two_factor.rate_limited', actorAccountId: input.accountId, accountId: input.accountId, data: { step: 'enrolment' } });
    throw new AppError('TWO_FACTOR_LOCKED', { reason: lockedMessage(take.retryAt) });
  }
  // TOTP follows real time, not the product clock (SPEC §14): the phone app knows only real time.
  const check = checkTotpCode(openTotpSecret(input.accountId, credential.secretEnc), input.code, Date.now(), null);
  if (!check.ok) {
    await appendAudit(ctx.db, { at, action: 'two_factor.failed', actorAccountId: input.accountId, accountId: input.accountId, data: { step: 'enrolment', reason: check.reason } });
    throw new AppError('TWO_FACTOR_CODE_INVALID');
  }
  await limiter.giveBack(input.accountId);

  const recoveryCodes = newRecoveryCodes();
  await ctx.db.transaction(async (tx) => {
    if (!(await confirmTwoFactor(tx, input.accountId, check.step, new Date()))) throw new AppError('TWO_FACTOR_ALREADY_ENROLLED');
    await replaceRecoveryCodes(
      tx,
      input.accountId,
      recoveryCodes.map((code) => hashRecoveryCode(input.accountId, code)),
      new Date(),
    );
    await appendAudit(tx, { at, action: 'two_factor.enrolled', actorAccountId: input.accountId, accountId: input.accountId, data: { recoveryCodes: recoveryCodes.length } });
  });
  return { recoveryCodes };
}
