import { randomInt } from 'node:crypto';
import type { Role } from '@/db/schema';
import { findAccountByEmail, insertAccount } from '@/db/queries/accounts';
import { appendAudit } from '@/db/queries/audit';
import { hashPassword } from '@/lib/auth/password';
import { AppError } from '@/lib/errors';
import type { RegisterInput } from '@/lib/schemas/auth';
import type { ServiceContext } from './context';

/** 账号ID and APPID: 10 digits, never starting with 0. */
function tenDigits(): string {
  return String(randomInt(1_000_000_000, 10_000_000_000));
}

const MAX_NUMBER_ATTEMPTS = 5;

/**
 * Creates an account (role `user` from sign-up; staff roles only from the CLI).
 * The email is unique by constraint, so two simultaneous sign-ups with one email
 * create one account and the other gets EMAIL_TAKEN.
 */
export async function registerAccount(
  ctx: ServiceContext,
  input: Pick<RegisterInput, 'email' | 'password'> & { role?: Role },
) {
  const passwordHash = await hashPassword(input.password);
  const now = await ctx.clock.now();
  const role = input.role ?? 'user';
  for (let attempt = 0; attempt < MAX_NUMBER_ATTEMPTS; attempt++) {
    const created = await ctx.db.transaction(async (tx) => {
      const row = await insertAccount(tx, {
        email: input.email,
        passwordHash,
        nickname: input.email.split('@')[0]!.slice(0, 32),
        accountNumber: tenDigits(),
        appId: tenDigits(),
        role,
        now,
      });
      if (row) await appendAudit(tx, { at: now, action: 'account.registered', actorAccountId: row.id, accountId: row.id, data: { role } });
      return row;
    });
    if (created) return { id: created.id, accountNumber: created.accountNumber, appId: created.appId, role: created.role };
    if (await findAccountByEmail(ctx.db, input.email)) throw new AppError('EMAIL_TAKEN');
    // Otherwise a random 账号ID or APPID collided: draw again.
  }
  throw new AppError('INTERNAL');
}
