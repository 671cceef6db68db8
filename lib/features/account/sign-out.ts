import { revokeSession } from '@/db/queries/accounts';
import { appendAudit } from '@/db/queries/audit';
import { auditTarget } from '@/lib/domain/audit';
import type { ServiceContext } from '../context';

/** Ends a server-side session: its cookie, if kept somewhere, no longer opens anything. */
export async function signOut(ctx: ServiceContext, session: { sessionId: string; accountId: string }) {
  const now = await ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await revokeSession(tx, session.sessionId, new Date()); // real time, as for every session timestamp
    await appendAudit(tx, { at: now, action: 'sign_out', actorAccountId: session.accountId, accountId: session.accountId, target: auditTarget('session', session.sessionId) });
  });
}
