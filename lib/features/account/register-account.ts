import { randomInt } from 'node:crypto';
import type { Role } from '@/db/schema';
import { findAccountByEmail, insertAccount } from '@/db/queries/accounts';
import { appendAudit } from '@/db/queries/audit';
import { hashPassword } from '@/lib/auth/password';
import { accountEmail } from '@/lib/domain/account-links';
import { AppError } from '@/lib/errors';
import type { RegisterInput } from '@/lib/schemas/auth';
import type { ServiceContext } from '../context';
import { issueAccountLink } from './issue-account-link';
import { queueAccountEmail } from '@/lib/features/notifications';

/** 账号ID and APPID: 10 digits, never starting with 0. */
function tenDigits(): string {
  return String(randomInt(1_000_000_000, 10_000_000_000));
}

const MAX_NUMBER_ATTEMPTS = 5;

/**
 * Creates an account (role `user` from sign-up; staff roles only from the CLI).
 * The email is unique by constraint, so two simultaneous sign-ups with one email
 * create one account and the other gets EMAIL_TAKEN (sign-up itself never shows that:
 * lib/features/account/sign-up.ts).
 *
 * Unless `emailConfirmed` (an operator vouches for the address: `npm run user:create`, the
 * demo seed), the account starts unconfirmed and its confirmation link is mailed in the
 * same transaction (ADR 0023).
 */
export async function registerAccount(
  ctx: ServiceContext,
  input: Pick<RegisterInput, 'email' | 'password'> & { role?: Role; emailConfirmed?: boolean },
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
        emailConfirmedAt: input.emailConfirmed ? now : null,
      });
      if (!row) return row;
      await appendAudit(tx, { at: now, action: 'account.registered', actorAccountId: row.id, accountId: row.id, data: { role } });
      if (!input.emailConfirmed) {
        const link = await issueAccountLink(tx, { accountId: row.id, purpose: 'email_confirmation', now });
        await queueAccountEmail(tx, { accountId: row.id, to: row.email, mail: accountEmail({ kind: 'email_confirmation', link }), now });
        await appendAudit(tx, { at: now, action: 'email.confirmation_sent', actorAccountId: row.id, accountId: row.id, data: { reason: 'sign_up' } });
      }
      return row;
    });
    if (created) return { id: created.id, accountNumber: created.accountNumber, appId: created.appId, role: created.role };
    if (await findAccountByEmail(ctx.db, input.email)) throw new AppError('EMAIL_TAKEN');
    // Otherwise a random 账号ID or APPID collided: draw again.
  }
  throw new AppError('INTERNAL');
}
