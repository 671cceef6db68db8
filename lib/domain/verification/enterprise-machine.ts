/**
 * The enterprise verification (SPEC §5) as a complete state table, mirroring the
 * personal one. A missing entry is a refused transition; services re-check it inside
 * the write transaction, because the page the user acted on may be stale.
 *
 * Steps: 1 填写基本信息 (the data is saved as a `draft` only once it passed every check,
 * R-E-REG included) > 2 选择认证方式 (`draft`) > 3 校验认证信息 (`awaiting_channel`: an
 * Official Account, WeChat or face session is open; `awaiting_bank`: a recharge or a
 * corporate payout runs, its own aggregate decides) > 认证完成 (`succeeded`).
 */
export const ENTERPRISE_STATES = ['draft', 'awaiting_channel', 'awaiting_bank', 'succeeded', 'failed', 'expired', 'cancelled'] as const;
export type EnterpriseState = (typeof ENTERPRISE_STATES)[number];

export type EnterpriseEvent =
  /** Step 1 submitted again (上一步 / 返回修改认证信息): the data is replaced, back to choosing a method. */
  | 'edit'
  /** An OA / WeChat / face session was opened (again: a new code, or another method). */
  | 'open_session'
  /**
   * Choosing a legal-rep method, the registry said this person is not the legal
   * representative (R-E-LRWX / R-E-LRFACE): the attempt fails before any session.
   */
  | 'check_failed'
  | 'channel_matched'
  | 'channel_failed'
  /** The administrator or legal rep tapped 拒绝 on the phone: back to choosing a method. */
  | 'channel_declined'
  /** The channel session ran out: back to choosing a method, a new code is offered. */
  | 'session_expired'
  /** 充值认证 or 企业对公打款认证 started: a recharge / payout aggregate now decides (R-E-RCH, R-E-PAY). */
  | 'start_bank'
  /** The recharge or payout left while it could be (更换其他认证方式, 撤销审核): back to choosing a method. */
  | 'bank_left'
  /** The recharge's transfer matched, or the payout's amount was typed right. */
  | 'bank_matched'
  /** Chances used up, or the bank method's deadline passed. */
  | 'bank_failed'
  /** A limit (R-LIM-2, R-LIM-8) refused the completion. */
  | 'limit_refused'
  /** Left unfinished past the retention deadline. */
  | 'abandon'
  | 'cancel';

const next: Record<EnterpriseState, Partial<Record<EnterpriseEvent, EnterpriseState>>> = {
  draft: { edit: 'draft', open_session: 'awaiting_channel', start_bank: 'awaiting_bank', check_failed: 'failed', abandon: 'expired', cancel: 'cancelled' },
  awaiting_channel: {
    edit: 'draft',
    open_session: 'awaiting_channel',
    start_bank: 'awaiting_bank',
    check_failed: 'failed',
    channel_matched: 'succeeded',
    channel_failed: 'failed',
    channel_declined: 'draft',
    session_expired: 'draft',
    limit_refused: 'failed',
    abandon: 'expired',
    cancel: 'cancelled',
  },
  // The bank aggregate says whether leaving is allowed now (a payout in flight runs to its end); the service asks it first.
  awaiting_bank: {
    edit: 'draft',
    bank_left: 'draft',
    bank_matched: 'succeeded',
    bank_failed: 'failed',
    limit_refused: 'failed',
    abandon: 'expired',
    cancel: 'cancelled',
  },
  succeeded: {},
  failed: {},
  expired: {},
  cancelled: {},
};

export const ENTERPRISE_IN_PROGRESS: readonly EnterpriseState[] = ['draft', 'awaiting_channel', 'awaiting_bank'];

export function isEnterpriseInProgress(state: EnterpriseState): boolean {
  return ENTERPRISE_IN_PROGRESS.includes(state);
}

/** The next state, or null when `event` is not allowed in `state`. */
export function enterpriseTransition(state: EnterpriseState, event: EnterpriseEvent): EnterpriseState | null {
  return next[state][event] ?? null;
}

/** The wizard step a state shows (SPEC §5 step bar). */
export type EnterpriseStep = 'method' | 'verify' | 'done' | 'failed' | 'closed';

export const ENTERPRISE_STEP: Record<EnterpriseState, EnterpriseStep> = {
  draft: 'method',
  awaiting_channel: 'verify',
  awaiting_bank: 'verify',
  succeeded: 'done',
  failed: 'failed',
  expired: 'closed',
  cancelled: 'closed',
};
