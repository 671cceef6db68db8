import { confirmTwoFactor, findTwoFactorCredential, saveUnconfirmedTwoFactor } from '@/db/queries/two-factor';
import { appendAudit } from '@/db/queries/audit';
import type { ServiceContext } from '../context';
import { sealTotpSecret } from './two-factor-rules';

/**
 * The demo seed only (scripts/seed.ts): enrols a demo staff account with a fixed, published
 * TOTP secret so that demos and e2e journeys can compute its codes. Never for a real
 * account — a published secret is no second factor. Leaves an enrolled account as it is.
 */
export async function enrolDemoTwoFactor(ctx: ServiceContext, input: { accountId: string; secret: string }): Promise<'enrolled' | 'exists'> {
  if ((await findTwoFactorCredential(ctx.db, input.accountId))?.confirmedAt) return 'exists';
  const at = await ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await saveUnconfirmedTwoFactor(tx, input.accountId, sealTotpSecret(input.accountId, input.secret), new Date());
    await confirmTwoFactor(tx, input.accountId, 0, new Date());
    await appendAudit(tx, { at, action: 'two_factor.enrolled', accountId: input.accountId, data: { by: 'seed', recoveryCodes: 0 } });
  });
  return 'enrolled';
}
