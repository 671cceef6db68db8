import type { Tx } from '@/db/client';
import type { ChannelSessionRow } from '@/db/schema';
import type { ChannelSessionPurpose, ChannelSessionState } from '@/lib/domain/channel-session';
import { plugPoint } from '../plug';

export type SettledSessionHandler = (tx: Tx, session: ChannelSessionRow, state: ChannelSessionState, now: Date) => Promise<void>;

/**
 * What a settled session means to the flow that opened it, by purpose. Each flow's module
 * plugs its handler in through the composition root (wiring.ts: personal_verification →
 * applyPersonalChannelResult …); the Record is exhaustive, so a new purpose without a
 * handler does not compile.
 */
export const settledSessionHandlers = plugPoint<Record<ChannelSessionPurpose, SettledSessionHandler>>('channels: settled session handlers');

/**
 * Runs the purpose's handler inside the transaction that settled the session — by a
 * callback (apply-channel-event) or by the deadline sweeper (expire-channel-sessions) —
 * so the flow's own transition commits or rolls back with the session's. `session` is
 * the row as settled (state, result, birthDate…).
 */
export async function handleSettledChannelSession(tx: Tx, session: ChannelSessionRow, now: Date): Promise<void> {
  await settledSessionHandlers.get()[session.purpose](tx, session, session.state, now);
}
