/**
 * The audit log's action names grouped for the back office's search (/review/audit):
 * each kind is a prefix of the action names it covers (its name: the catalogue's
 * review.audit_kind.<kind>).
 */
export const AUDIT_ACTION_KINDS = {
  review_case: { prefix: 'review_case.' },
  authorization: { prefix: 'authorization.' },
  sign_in: { prefix: 'sign_' },
  account: { prefix: 'account.' },
  personal_verification: { prefix: 'personal_verification.' },
  enterprise_verification: { prefix: 'enterprise_verification.' },
  channel: { prefix: 'channel_' },
  callback: { prefix: 'callback.' },
  limit: { prefix: 'limit.' },
  upload: { prefix: 'upload.' },
  enterprise_limit: { prefix: 'enterprise_limit.' },
  calendar: { prefix: 'calendar.' },
  audit_log: { prefix: 'audit_log.' },
} as const satisfies Record<string, { prefix: string }>;

export type AuditActionKind = keyof typeof AUDIT_ACTION_KINDS;

export function isAuditActionKind(value: string): value is AuditActionKind {
  return Object.hasOwn(AUDIT_ACTION_KINDS, value);
}

/** The actions of a case's history the reviewer reads by name (catalogue: review.history.<action>). */
export const REVIEW_HISTORY_ACTIONS = [
  'review_case.opened',
  'review_case.revealed',
  'review_case.approved',
  'review_case.rejected',
  'review_case.resubmitted',
  'review_case.cancelled',
  'authorization.refused',
] as const;
export type ReviewHistoryAction = (typeof REVIEW_HISTORY_ACTIONS)[number];

export function isReviewHistoryAction(value: string): value is ReviewHistoryAction {
  return (REVIEW_HISTORY_ACTIONS as readonly string[]).includes(value);
}
