import { findAccountByEmail } from '@/db/queries/accounts';
import { appendAudit } from '@/db/queries/audit';
import { accountEmail } from '@/lib/domain/account-links';
import { isAppError } from '@/lib/errors';
import type { RegisterInput } from '@/lib/schemas/auth';
import { createLimiter, type LimitRule } from '@/lib/security/rate-limit';
import { requestRunSoon } from '@/lib/jobs/run-soon';
import type { ServiceContext } from '../context';
import { consoleUrl } from './issue-account-link';
import { queueAccountEmail } from '@/lib/features/notifications';
import { registerAccount } from './register-account';

/** "Someone tried to register with your address" mails per account: a stranger cannot flood the owner's mailbox. */
export const EXISTING_ADDRESS_MAIL_RULE: LimitRule = { name: 'signup-existing-mail', points: 3, durationSeconds: 60 * 60 };

/**
 * 注册 (issue 16 finding 5): a new address gets an account and its confirmation link; an
 * address that already has an account gets nothing new, and its owner a mail saying someone
 * tried. Both answer the same (the page 验证邮件已发送) and do the same work — one argon2id
 * hash and one outbox e-mail in a transaction — so neither the answer nor its time tells
 * whether the address is registered.
 */
export async function signUp(ctx: ServiceContext, input: Pick<RegisterInput, 'email' | 'password'>): Promise<void> {
  try {
    // Hashes the password before it finds out the address is taken.
    await registerAccount(ctx, input);
    requestRunSoon('outbox');
    return;
  } catch (error) {
    if (!isAppError(error) || error.code !== 'EMAIL_TAKEN') throw error;
  }
  const now = await ctx.clock.now();
  const owner = await findAccountByEmail(ctx.db, input.email);
  if (!owner || owner.closedAt) return;
  const mailed = (await createLimiter(ctx.db, EXISTING_ADDRESS_MAIL_RULE).take(owner.id)).allowed;
  await ctx.db.transaction(async (tx) => {
    if (mailed) {
      const mail = accountEmail({ kind: 'sign_up_existing_address', loginLink: consoleUrl('/login'), resetLink: consoleUrl('/forgot-password') });
      await queueAccountEmail(tx, { accountId: owner.id, to: owner.email, mail, now });
    }
    await appendAudit(tx, { at: now, action: 'sign_up.existing_address', accountId: owner.id, data: { mailed } });
  });
  requestRunSoon('outbox');
}
