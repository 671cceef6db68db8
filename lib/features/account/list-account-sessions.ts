import { listOpenSessions } from '@/db/queries/accounts';
import { sessionTimedOut } from '@/lib/auth/session-timeouts';
import type { ServiceContext } from '../context';

export interface AccountSessionView {
  id: string;
  /** null: not known (the page says 未知浏览器 / 未知). */
  device: string | null;
  addressMasked: string | null;
  signedInAt: Date;
  lastSeenAt: Date;
  current: boolean;
}

/**
 * 登录设备: the account's live sessions (unrevoked, within their timeouts, past the
 * 两步验证 step), the one in use first. Only what the row keeps is shown: a browser
 * summary and a masked address.
 */
export async function listAccountSessions(ctx: ServiceContext, input: { accountId: string; currentSessionId: string }): Promise<AccountSessionView[]> {
  const now = Date.now(); // session timeouts run on real time (ADR 0002)
  const rows = await listOpenSessions(ctx.db, input.accountId);
  return rows
    .filter((s) => !sessionTimedOut(s, now))
    .map((s) => ({
      id: s.id,
      device: s.device,
      addressMasked: s.addressMasked,
      signedInAt: s.createdAt,
      lastSeenAt: s.lastSeenAt,
      current: s.id === input.currentSessionId,
    }))
    .sort((a, b) => Number(b.current) - Number(a.current));
}
