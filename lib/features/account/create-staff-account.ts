import { confirmAccountEmail, findAccountByEmail, setAccountPassword, setAccountRole } from '@/db/queries/accounts';
import { appendAudit } from '@/db/queries/audit';
import type { Role } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { registerAccount } from './register-account';
import type { ServiceContext } from '../context';

/**
 * Staff accounts come from the command line only (never from sign-up). An existing
 * account with the email is given the role (and the password, when one is passed).
 * The operator vouches for the address: it is confirmed (ADR 0023).
 */
export async function createStaffAccount(ctx: ServiceContext, input: { email: string; role: Role; password: string }) {
  const existing = await findAccountByEmail(ctx.db, input.email);
  if (!existing) {
    const created = await registerAccount(ctx, { ...input, emailConfirmed: true });
    return { outcome: 'created' as const, ...created };
  }
  const now = await ctx.clock.now();
  const passwordHash = await hashPassword(input.password);
  await ctx.db.transaction(async (tx) => {
    await setAccountRole(tx, existing.id, input.role, now);
    await setAccountPassword(tx, existing.id, passwordHash, now);
    await confirmAccountEmail(tx, existing.id, now);
    await appendAudit(tx, { at: now, action: 'account.role_set', accountId: existing.id, data: { role: input.role, by: 'cli' } });
  });
  return { outcome: 'updated' as const, id: existing.id, accountNumber: existing.accountNumber, appId: existing.appId, role: input.role };
}
