import type { Tx } from '@/db/client';
import type { ChannelSessionRow } from '@/db/schema';
import type { ChannelSessionPurpose, ChannelSessionState } from '@/lib/domain/channel-session';
import { applyChangeChannelResult } from './apply-change-channel-result';
import { applyEnterpriseChannelResult } from './complete-enterprise-verification';
import { applyPayoutOperatorResult } from './apply-payout-operator-result';
import { applyPersonalChannelResult } from './complete-personal-verification';

type SettledHandler = (tx: Tx, session: ChannelSessionRow, state: ChannelSessionState, now: Date) => Promise<void>;

/**
 * What a settled session means to the flow that opened it, by purpose. Each flow plugs
 * its handler in here (e.g. personal_verification → applyPersonalChannelResult); the
 * Record is exhaustive, so a new purpose without a handler does not compile.
 */
const handlers: Record<ChannelSessionPurpose, SettledHandler> = {
  personal_verification: applyPersonalChannelResult,
  enterprise_verification: applyEnterpriseChannelResult,
  subject_change: applyChangeChannelResult,
  payout_operator: applyPayoutOperatorResult,
};

/**
 * Runs the purpose's handler inside the transaction that settled the session — by a
 * callback (apply-channel-event) or by the deadline sweeper (expire-channel-sessions) —
 * so the flow's own transition commits or rolls back with the session's. `session` is
 * the row as settled (state, result, birthDate…).
 */
export async function handleSettledChannelSession(tx: Tx, session: ChannelSessionRow, now: Date): Promise<void> {
  await handlers[session.purpose](tx, session, session.state, now);
}
