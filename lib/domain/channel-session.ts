/**
 * A channel session: one authorisation the product asked a channel for (a WeChat or
 * QQ real-name authorisation, a face check, an Official Account authorisation), from
 * the moment the channel opened it until it settles. Pure: time is a parameter.
 */

/** Channels whose sessions the product opens (docs/channel-protocol.md). */
export const SESSION_CHANNELS = ['wechat', 'qq', 'face', 'oa'] as const;
export type SessionChannel = (typeof SESSION_CHANNELS)[number];

/** What a session serves; the verification flows (SPEC §4–§6) each own one. */
export const CHANNEL_SESSION_PURPOSES = ['personal_verification', 'enterprise_verification', 'subject_change', 'payout_operator'] as const;
export type ChannelSessionPurpose = (typeof CHANNEL_SESSION_PURPOSES)[number];

export const CHANNEL_SESSION_STATES = ['open', 'completed', 'failed', 'expired'] as const;
export type ChannelSessionState = (typeof CHANNEL_SESSION_STATES)[number];
/** Where a session can move to: every settled state is final (SECURITY A5). */
export type SettledSessionState = Exclude<ChannelSessionState, 'open'>;

export type ChannelSessionEvent = 'channel_passed' | 'channel_refused' | 'session_expired';

// States only move forward (SECURITY A5): every settled state is final.
const next: Record<ChannelSessionState, Partial<Record<ChannelSessionEvent, ChannelSessionState>>> = {
  open: { channel_passed: 'completed', channel_refused: 'failed', session_expired: 'expired' },
  completed: {},
  failed: {},
  expired: {},
};

/** The state `event` leads to from `state`, or null when the table has no such move. */
export function transition(state: ChannelSessionState, event: ChannelSessionEvent): ChannelSessionState | null {
  return next[state][event] ?? null;
}

export function isSettled(state: ChannelSessionState): boolean {
  return Object.keys(next[state]).length === 0;
}

/** Every result code a channel may report (docs/channel-protocol.md, callbacks). */
export const CHANNEL_RESULTS = [
  'matched',
  'mismatch',
  'no_bank_card',
  'declined',
  'passed',
  'liveness_failed',
  'face_mismatch',
  'authorized',
] as const;
export type ChannelResult = (typeof CHANNEL_RESULTS)[number];

/** Exhaustive: a new result code from a provider is a type error here, never silently ignored. */
export const RESULT_EVENT: Record<ChannelResult, 'channel_passed' | 'channel_refused'> = {
  matched: 'channel_passed',
  mismatch: 'channel_refused',
  no_bank_card: 'channel_refused',
  declined: 'channel_refused',
  passed: 'channel_passed',
  liveness_failed: 'channel_refused',
  face_mismatch: 'channel_refused',
  authorized: 'channel_passed',
};

/** Which results each channel may send; anything else is a protocol violation. */
export const RESULTS_BY_CHANNEL: Record<SessionChannel, readonly ChannelResult[]> = {
  wechat: ['matched', 'mismatch', 'no_bank_card', 'declined'],
  qq: ['matched', 'mismatch', 'no_bank_card', 'declined'],
  face: ['passed', 'liveness_failed', 'face_mismatch'],
  oa: ['authorized', 'declined'],
};

/** What a channel told us about a session. */
export type ChannelSignal = { kind: 'completed'; result: ChannelResult } | { kind: 'expired' };

export type IgnoreReason = 'already_completed' | 'already_failed' | 'already_expired' | 'result_not_for_channel' | 'not_allowed';

const SETTLED_REASON: Record<SettledSessionState, IgnoreReason> = {
  completed: 'already_completed',
  failed: 'already_failed',
  expired: 'already_expired',
};

export type ChannelSignalDecision =
  | {
      kind: 'transition';
      event: ChannelSessionEvent;
      to: SettledSessionState;
      /** A completion that arrived after the deadline: the session expires instead (SPEC §8). */
      lateCompletion: boolean;
    }
  | { kind: 'ignored'; reason: IgnoreReason };

interface SessionFacts {
  channel: SessionChannel;
  state: ChannelSessionState;
  expiresAt: Date;
}

/** SPEC §8: a deadline is enforced when read, whether or not the sweeper has run yet. */
export function isOverdue(session: Pick<SessionFacts, 'state' | 'expiresAt'>, now: Date): boolean {
  return session.state === 'open' && now.getTime() >= session.expiresAt.getTime();
}

/** The state a reader should see: an open session past its deadline reads as expired. */
export function effectiveState(session: Pick<SessionFacts, 'state' | 'expiresAt'>, now: Date): ChannelSessionState {
  return isOverdue(session, now) ? 'expired' : session.state;
}

/**
 * How often the poll job asks a provider that answers by token for an open session's
 * result, by the session's age: often while the person is likely at the phone, then less
 * (a Tencent Cloud BizToken lives 2 hours, and every ask is an API call). The person's
 * return to our page asks at once whatever the schedule says.
 */
export const POLL_SCHEDULE = [
  { untilAgeMs: 5 * 60_000, everyMs: 5_000 },
  { untilAgeMs: 30 * 60_000, everyMs: 30_000 },
  { untilAgeMs: Infinity, everyMs: 2 * 60_000 },
] as const;

/** When the poll job asks next for a session opened at `createdAt`, having asked at `now`. */
export function nextPollAt(createdAt: Date, now: Date): Date {
  const age = now.getTime() - createdAt.getTime();
  const step = POLL_SCHEDULE.find((s) => age < s.untilAgeMs)!;
  return new Date(now.getTime() + step.everyMs);
}

/**
 * Decides what a channel's signal does to a session at `now`. Settled sessions never
 * move again (a late or out-of-order callback changes nothing), and a completion that
 * arrives after the deadline expires the session rather than completing it.
 */
export function decideChannelSignal(session: SessionFacts, signal: ChannelSignal, now: Date): ChannelSignalDecision {
  if (session.state !== 'open') return { kind: 'ignored', reason: SETTLED_REASON[session.state] };
  if (signal.kind === 'completed' && !RESULTS_BY_CHANNEL[session.channel].includes(signal.result)) {
    return { kind: 'ignored', reason: 'result_not_for_channel' };
  }
  const lateCompletion = signal.kind === 'completed' && isOverdue(session, now);
  const event: ChannelSessionEvent = signal.kind === 'expired' || lateCompletion ? 'session_expired' : RESULT_EVENT[signal.result];
  const to = transition(session.state, event);
  // The table never moves a session back to open; the check says so to the type too.
  if (!to || to === 'open') return { kind: 'ignored', reason: 'not_allowed' };
  return { kind: 'transition', event, to, lateCompletion };
}
