import type { ChangeEvent } from './change/change-machines';
import type { SettledSessionState } from './channel-session';
import type { EnterpriseEvent } from './verification/enterprise-machine';
import type { PayoutEvent } from './verification/payout-machine';
import type { PersonalEvent } from './verification/personal-machine';
import type { RechargeEvent } from './verification/recharge-machine';

/**
 * The audit log's vocabulary (SECURITY 32, docs/decisions/0004): every action name a row
 * may carry and every kind of thing a row may be about. The names are stored as they are
 * and hashed into the chain, so a name once written never changes: add, never rename.
 */

/** The action names written as they are, grouped by what they are about. */
export const AUDIT_ACTIONS = [
  // Accounts, sign-in and their security (SPEC §2, SECURITY 10–14).
  'account.registered',
  'account.profile_updated',
  'account.role_set',
  'account.redacted',
  'sign_up.existing_address',
  'sign_in.succeeded',
  'sign_in.failed',
  'sign_in.rate_limited',
  'sign_out',
  'session.revoked',
  'email.confirmation_sent',
  'email.confirmation_limited',
  'email.confirmed',
  'password.changed',
  'password.change_failed',
  'password.change_limited',
  'password_reset.requested',
  'password_reset.rate_limited',
  'password_reset.completed',
  'two_factor.enrolled',
  'two_factor.passed',
  'two_factor.failed',
  'two_factor.rate_limited',
  'two_factor.recovery_code_used',
  'authorization.refused',
  'consent.given',
  'upload.stored',
  'upload.viewed',
  // Limits and rate limits (R-LIM-*).
  'limit.verification_starts',
  'limit.eligibility_checks',
  'limit.identity_full',
  'limit.enterprise_full',
  'limit.method_refused',
  'limit.legal_rep_checks',
  'limit.payout_amount_entries',
  'limit.recharge_sms',
  'limit.rename_lookups',
  'limit.uploads',
  'verification_eligibility.checked',
  'verification_eligibility.registry_unavailable',
  // Verifications (SPEC §4, §5) beside their state machines' events (below).
  'personal_verification.started',
  'personal_verification.edited',
  'personal_verification.retried',
  'personal_verification.result_ignored',
  'enterprise_verification.started',
  'enterprise_verification.edited',
  'enterprise_verification.retried',
  'enterprise_verification.result_ignored',
  'enterprise_verification.registry_refused',
  'enterprise_verification.registry_unavailable',
  'recharge_verification.issued',
  'recharge_verification.details_texted',
  'recharge_verification.reminded',
  'payout_verification.submitted',
  'payout_verification.payout_requested',
  'payout_verification.amount_refused',
  'payout_verification.reminded',
  'payout_verification.operator_result_ignored',
  'payout_verification.bank_event_ignored',
  'payout_verification.decision_ignored',
  'payout_verification.resubmission_ignored',
  'incoming_transfer.refund_queued',
  'incoming_transfer.refund_requested',
  'incoming_transfer.refund_failed',
  'incoming_transfer.refund_settled',
  'balance.credited',
  'balance.withdrawal_requested',
  'balance.withdrawal_queued',
  'balance.withdrawal_unconfirmed',
  'balance.withdrawal_settled',
  'balance.withdrawal_failed',
  // Channels (docs/channel-protocol.md).
  'channel_session.opened',
  'channel_session.open_failed',
  'channel_event.ignored',
  'callback.bad_signature',
  'callback.bad_payload',
  // The verified subject and its changes (SPEC §6).
  'subject.contact_updated',
  'subject.cdn_enabled',
  'subject.cdn_disabled',
  'subject.legal_rep_added',
  'subject.legal_rep_updated',
  'subject_change.started',
  'subject_change.result_ignored',
  'subject_change.registry_unavailable',
  'subject_change.legal_rep_not_registered',
  'subject_change.decision_ignored',
  'subject_change.resubmission_ignored',
  'enterprise_rename.registry_queried',
  'enterprise_rename.registry_lookup_failed',
  'enterprise_rename.registry_unavailable',
  'enterprise_rename.decision_ignored',
  'enterprise_rename.resubmission_ignored',
  'change_request.reminded',
  'registry_recheck.proposed',
  'registry_recheck.resolved',
  'registry_recheck.dismissed',
  // The back office (SPEC §7).
  'review_case.opened',
  'review_case.revealed',
  'review_case.approved',
  'review_case.rejected',
  'review_case.resubmitted',
  'review_case.cancelled',
  'enterprise_limit.changed',
  'calendar.year_saved',
  'calendar.year_removed',
  'audit_log.exported',
  // Notifications, integrators' webhooks, retention.
  'webhook_endpoint.registered',
  'webhook_endpoint.removed',
  'webhook_delivery.resent',
  'retention.purged',
  'retention.scrubbed',
  'retention.upload_purged',
] as const;

/**
 * Every action an audit row may carry: the names above, and one per event of each state
 * machine (`personal_verification.confirm` …) or settled state of a channel session,
 * written by the step that moves it.
 */
export type AuditAction =
  | (typeof AUDIT_ACTIONS)[number]
  | `personal_verification.${PersonalEvent}`
  | `enterprise_verification.${EnterpriseEvent}`
  | `recharge_verification.${RechargeEvent}`
  | `payout_verification.${PayoutEvent}`
  | `subject_change.${ChangeEvent}`
  | `channel_session.${SettledSessionState}`;

/** What an audit row may be about: the `kind` of its `kind:id` target. */
export const AUDIT_TARGET_KINDS = [
  'account',
  'account_token',
  'session',
  'upload',
  'personal_verification',
  'enterprise_verification',
  'recharge_verification',
  'payout_verification',
  'incoming_transfer',
  'balance_entry',
  'channel_session',
  'channel_event',
  'subject',
  'subject_change',
  'change_request',
  'enterprise',
  'registry_recheck',
  'review_case',
  'calendar',
  'webhook_delivery',
] as const;
export type AuditTargetKind = (typeof AUDIT_TARGET_KINDS)[number];
export type AuditTarget = `${AuditTargetKind}:${string}`;

/** The one way to name an audit row's target: `review_case:<id>`, `calendar:2025` … */
export function auditTarget(kind: AuditTargetKind, id: string | number): AuditTarget {
  return `${kind}:${id}`;
}

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
