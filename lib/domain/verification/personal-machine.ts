/**
 * The personal verification (SPEC §4) as a complete state table. A missing entry is
 * a refused transition; services re-check it inside the write transaction, because
 * the page the user acted on may be stale.
 */
export const PERSONAL_STATES = ['draft', 'confirmed', 'awaiting_channel', 'succeeded', 'failed', 'expired', 'cancelled'] as const;
export type PersonalState = (typeof PERSONAL_STATES)[number];

export type PersonalEvent =
  /** 返回修改认证信息 / 上一步: back to editing step 1. */
  | 'edit'
  /** 确定 in the confirmation dialog. */
  | 'confirm'
  /** A WeChat / QQ / face session was opened (again: a new code). */
  | 'open_session'
  | 'channel_matched'
  | 'channel_failed'
  /** The person tapped 拒绝 on the phone: back to choosing a method. */
  | 'channel_declined'
  /** The 5-minute channel session ran out: back to choosing a method, a new code is offered. */
  | 'session_expired'
  /** A limit (R-LIM-1, R-LIM-4) refused the completion. */
  | 'limit_refused'
  /** Left unfinished past the retention deadline. */
  | 'abandon'
  | 'cancel';

const next: Record<PersonalState, Partial<Record<PersonalEvent, PersonalState>>> = {
  draft: { confirm: 'confirmed', edit: 'draft', abandon: 'expired', cancel: 'cancelled' },
  confirmed: { edit: 'draft', open_session: 'awaiting_channel', abandon: 'expired', cancel: 'cancelled' },
  awaiting_channel: {
    open_session: 'awaiting_channel',
    channel_matched: 'succeeded',
    channel_failed: 'failed',
    channel_declined: 'confirmed',
    session_expired: 'confirmed',
    limit_refused: 'failed',
    edit: 'draft',
    abandon: 'expired',
    cancel: 'cancelled',
  },
  succeeded: {},
  failed: {},
  expired: {},
  cancelled: {},
};

export const PERSONAL_IN_PROGRESS: readonly PersonalState[] = ['draft', 'confirmed', 'awaiting_channel'];

/** The next state, or null when `event` is not allowed in `state`. */
export function personalTransition(state: PersonalState, event: PersonalEvent): PersonalState | null {
  return next[state][event] ?? null;
}
