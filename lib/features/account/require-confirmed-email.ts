import type { Db } from '@/db/client';
import { findAccountById } from '@/db/queries/accounts';
import { AppError } from '@/lib/errors';
import type { ServiceContext } from '../context';

/**
 * Starting a verification or a subject change needs a confirmed 联系邮箱 (ADR 0023): its
 * outcome, deadlines and reviews are told by e-mail, and an account is recovered through it.
 */
export async function requireConfirmedEmail(db: Db, accountId: string): Promise<void> {
  const account = await findAccountById(db, accountId);
  if (!account?.emailConfirmedAt) throw new AppError('EMAIL_NOT_CONFIRMED');
}

/** For the console's pages: whether to ask for the confirmation (请验证邮箱). */
export async function isEmailConfirmed(ctx: ServiceContext, accountId: string): Promise<boolean> {
  const account = await findAccountById(ctx.db, accountId);
  return Boolean(account?.emailConfirmedAt);
}
