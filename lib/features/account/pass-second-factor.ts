import { findAccountById, markSecondFactorPassed } from '@/db/queries/accounts';
import { appendAudit } from '@/db/queries/audit';
import { countUnusedRecoveryCodes, findTwoFactorCredential, spendRecoveryCode, claimTwoFactorStep } from '@/db/queries/two-factor';
import { checkTotpCode } from '@/lib/auth/totp';
import { auditTarget, type AuditAction } from '@/lib/domain/audit';
import { AppError } from '@/lib/errors';
import { createLimiter } from '@/lib/security/rate-limit';
import type { ServiceContext } from '../context';
import { hashRecoveryCode, lockedMessage, openTotpSecret, TWO_FACTOR_RULE } from './two-factor-rules';

export type SecondFactorInput = { sessionId: string; accountId: string } & ({ code: string } | { recoveryCode: string });

/**
 * The second step of signing in (ADR 0024): a pending session (password accepted)
 * becomes a signed-in one with a current TOTP code — not one already used — or an unused
 * recovery code, which is then spent. Every attempt uses one of the account's 5 chances
 * in 15 minutes before the check, so parallel guesses cannot multiply them; a right code
 * gives its chance back.
 */
export async function passSecondFactor(ctx: ServiceContext, input: SecondFactorInput): Promise<{ recoveryCodesLeft?: number }> {
  const at = await ctx.clock.now();
  const { accountId, sessionId } = input;
  const credential = await findTwoFactorCredential(ctx.db, accountId);
  const account = await findAccountById(ctx.db, accountId);
  if (!credential?.confirmedAt || !account || account.closedAt) throw new AppError('SECOND_FACTOR_EXPIRED');
  const audit = (action: AuditAction, data?: Record<string, unknown>) =>
    appendAudit(ctx.db, { at, action, actorAccountId: accountId, accountId, target: auditTarget('session', sessionId), data });

  const limiter = createLimiter(ctx.db, TWO_FACTOR_RULE);
  const take = await limiter.take(accountId);
  if (!take.allowed) {
    await audit('two_factor.rate_limited', { step: 'sign_in' });
    throw new AppError('TWO_FACTOR_LOCKED', { reason: lockedMessage(take.retryAt) });
  }

  if ('recoveryCode' in input) {
    if (!(await spendRecoveryCode(ctx.db, accountId, hashRecoveryCode(accountId, input.recoveryCode), new Date()))) {
      await audit('two_factor.failed', { step: 'sign_in', method: 'recovery_code' });
      throw new AppError('TWO_FACTOR_RECOVERY_CODE_INVALID');
    }
    await limiter.giveBack(accountId);
    await openSession();
    const recoveryCodesLeft = await countUnusedRecoveryCodes(ctx.db, accountId);
    await audit('two_factor.recovery_code_used', { recoveryCodesLeft });
    return { recoveryCodesLeft };
  }

  // TOTP follows real time, not the product clock (SPEC §14): the phone app knows only real time.
  const check = checkTotpCode(openTotpSecret(accountId, credential.secretEnc), input.code, Date.now(), credential.lastUsedStep);
  // The conditional update decides between two requests carrying the same code.
  const used = check.ok ? !(await claimTwoFactorStep(ctx.db, accountId, check.step)) : check.reason === 'used';
  if (!check.ok || used) {
    if (used) {
      // A right code seen before: refused, but not a guess — its chance is given back.
      await limiter.giveBack(accountId);
      await audit('two_factor.failed', { step: 'sign_in', method: 'totp', reason: 'used' });
      throw new AppError('TWO_FACTOR_CODE_USED');
    }
    await audit('two_factor.failed', { step: 'sign_in', method: 'totp', reason: 'wrong' });
    throw new AppError('TWO_FACTOR_CODE_INVALID');
  }
  await limiter.giveBack(accountId);
  await openSession();
  await audit('two_factor.passed', { method: 'totp' });
  return {};

  async function openSession() {
    if (!(await markSecondFactorPassed(ctx.db, accountId, sessionId, new Date()))) throw new AppError('SECOND_FACTOR_EXPIRED');
  }
}
