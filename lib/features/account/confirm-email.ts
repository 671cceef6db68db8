import { lockAccountToken, useAccountTokens } from '@/db/queries/account-tokens';
import { confirmAccountEmail } from '@/db/queries/accounts';
import { appendAudit } from '@/db/queries/audit';
import { linkState } from '@/lib/domain/account-links';
import { auditTarget } from '@/lib/domain/audit';
import { AppError } from '@/lib/errors';
import { hashLinkToken } from '@/lib/security/link-token';
import type { ServiceContext } from '../context';

/**
 * 验证邮箱: the confirmation link's token, used once within 24 hours (product clock),
 * confirms the account's address; every other confirmation link of the account stops
 * working with it. An unknown, used or expired token is LINK_INVALID, the same for each.
 */
export async function confirmEmail(ctx: ServiceContext, input: { token: string }): Promise<{ accountId: string }> {
  const now = await ctx.clock.now();
  const tokenHash = hashLinkToken(input.token);
  return ctx.db.transaction(async (tx) => {
    const row = await lockAccountToken(tx, 'email_confirmation', tokenHash);
    if (linkState(row, now) !== 'valid') throw new AppError('LINK_INVALID');
    await useAccountTokens(tx, row!.accountId, 'email_confirmation', now);
    await confirmAccountEmail(tx, row!.accountId, now);
    await appendAudit(tx, { at: now, action: 'email.confirmed', actorAccountId: row!.accountId, accountId: row!.accountId, target: auditTarget('account_token', row!.id) });
    return { accountId: row!.accountId };
  });
}
