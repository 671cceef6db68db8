import { findAccountToken } from '@/db/queries/account-tokens';
import { linkState, type AccountLinkPurpose, type LinkState } from '@/lib/domain/account-links';
import { LINK_TOKEN_MAX } from '@/lib/schemas/auth';
import { hashLinkToken } from '@/lib/security/link-token';
import type { ServiceContext } from '../context';

/** Whether a link from an e-mail still works, for its page (which changes nothing: the form's action uses it). */
export async function getAccountLink(ctx: ServiceContext, purpose: AccountLinkPurpose, token: string | undefined): Promise<LinkState> {
  if (!token || token.length > LINK_TOKEN_MAX) return 'unknown';
  return linkState(await findAccountToken(ctx.db, purpose, hashLinkToken(token)), await ctx.clock.now());
}
