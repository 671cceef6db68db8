import type { Tx } from '@/db/client';
import type { ChangeRequestRow, ChannelSessionRow } from '@/db/schema';

/**
 * R-CHG-E3: the new legal rep's WeChat / face session settled, for a request locked in
 * `rep_checking` whose current session it is (placeholder until built).
 */
export async function applyLegalRepChannelResult(_tx: Tx, _row: ChangeRequestRow, _session: ChannelSessionRow, _passed: boolean, _now: Date): Promise<void> {}
