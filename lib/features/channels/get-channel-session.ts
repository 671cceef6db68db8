import { findChannelSession, findLatestChannelSession } from '@/db/queries/channels';
import type { ChannelSessionRow } from '@/db/schema';
import { effectiveState, type ChannelResult, type ChannelSessionPurpose, type ChannelSessionState, type SessionChannel } from '@/lib/domain/channel-session';
import { AppError } from '@/lib/errors';
import type { ServiceContext } from '../context';

/** What a verification flow learns about its channel session. */
export interface ChannelSessionView {
  id: string;
  channel: SessionChannel;
  purpose: ChannelSessionPurpose;
  reference: string;
  /** Where the QR code points (the phone page). */
  scanUrl: string;
  expiresAt: Date;
  /** `completed`: the channel confirmed (matched / passed / authorized); `failed`: it refused — `result` says why. */
  state: ChannelSessionState;
  result: ChannelResult | null;
  birthDate: string | null;
  verifiedEnterpriseName: string | null;
  settledAt: Date | null;
}

/** SPEC §8: the deadline is enforced on read too — an open session past it reads as expired. */
export function toChannelSessionView(row: ChannelSessionRow, now: Date): ChannelSessionView {
  return {
    id: row.id,
    channel: row.channel,
    purpose: row.purpose,
    reference: row.reference,
    scanUrl: row.scanUrl,
    expiresAt: row.expiresAt,
    state: effectiveState(row, now),
    result: row.result,
    birthDate: row.birthDate,
    verifiedEnterpriseName: row.verifiedEnterpriseName,
    settledAt: row.settledAt,
  };
}

/** A channel session by the product's id; NOT_FOUND otherwise. Callers check it belongs to their verification. */
export async function getChannelSession(ctx: ServiceContext, id: string): Promise<ChannelSessionView> {
  const row = /^[0-9a-f-]{36}$/i.test(id) ? await findChannelSession(ctx.db, id) : undefined;
  if (!row) throw new AppError('NOT_FOUND');
  return toChannelSessionView(row, await ctx.clock.now());
}

/** The newest session a flow opened on `channel` for its (purpose, reference), or null. */
export async function getLatestChannelSession(
  ctx: ServiceContext,
  filter: { channel: SessionChannel; purpose: ChannelSessionPurpose; reference: string },
): Promise<ChannelSessionView | null> {
  const row = await findLatestChannelSession(ctx.db, filter);
  return row ? toChannelSessionView(row, await ctx.clock.now()) : null;
}
