import { findAccountById } from '@/db/queries/accounts';
import { findTwoFactorCredential, saveUnconfirmedTwoFactor } from '@/db/queries/two-factor';
import { newTotpSecret } from '@/lib/auth/totp';
import { AppError } from '@/lib/errors';
import type { ServiceContext } from '../context';
import { sealTotpSecret } from './two-factor-rules';

/**
 * 开启两步验证, step 1: a new TOTP secret for the account, kept encrypted and not yet
 * counting — it counts once a code from the authenticator confirms it
 * (confirmTwoFactorEnrolment). Starting again replaces an unconfirmed secret.
 */
export async function startTwoFactorEnrolment(ctx: ServiceContext, accountId: string): Promise<void> {
  const account = await findAccountById(ctx.db, accountId);
  if (!account || account.closedAt) throw new AppError('UNAUTHENTICATED');
  if ((await findTwoFactorCredential(ctx.db, accountId))?.confirmedAt) throw new AppError('TWO_FACTOR_ALREADY_ENROLLED');
  const saved = await saveUnconfirmedTwoFactor(ctx.db, accountId, sealTotpSecret(accountId, newTotpSecret()), await ctx.clock.now());
  if (!saved) throw new AppError('TWO_FACTOR_ALREADY_ENROLLED');
}
