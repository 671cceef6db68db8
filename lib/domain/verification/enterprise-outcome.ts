import type { Phrase } from '../phrase';
import type { ChannelResult } from '../channel-session';
import type { EnterpriseEvent } from './enterprise-machine';
import type { SessionMethod } from './enterprise-methods';

/** Why an enterprise verification failed; stored as a code, shown through enterpriseFailureText. */
export const ENTERPRISE_FAILURES = [
  'oa_name_mismatch',
  'oa_unverified',
  'mismatch',
  'no_bank_card',
  'liveness_failed',
  'face_mismatch',
  'legal_rep_not_registered',
  'enterprise_limit',
  'subject_exists',
  /** R-E-RCH 4: two transfers with a wrong amount or payer name. */
  'recharge_chances_used',
  /** R-E-RCH 2: no matching transfer within 7 business days. */
  'recharge_expired',
  /** R-E-PAY 5: two wrong amounts typed. */
  'payout_amount_wrong',
  /** R-E-PAY 5: the amount was not typed within 7 days of its arrival. */
  'payout_expired',
] as const;
export type EnterpriseFailure = (typeof ENTERPRISE_FAILURES)[number];

export type EnterpriseChannelOutcome =
  | { event: Extract<EnterpriseEvent, 'channel_declined'> }
  /** The channel confirmed; for OA the verified name still has to equal 企业名称. */
  | { event: 'channel_matched' }
  | { event: 'channel_failed'; failure: EnterpriseFailure }
  /** A result that does not belong to the method's channel: ignored. */
  | { event: null };

/**
 * What each channel result means for each method (R-E-OA, R-E-LRWX, R-E-LRFACE).
 * Exhaustive over results: a new result code is a type error here.
 */
export const ENTERPRISE_RESULT_OUTCOME: Record<SessionMethod, Record<ChannelResult, EnterpriseChannelOutcome>> = {
  oa: {
    authorized: { event: 'channel_matched' },
    declined: { event: 'channel_declined' },
    matched: { event: null },
    passed: { event: null },
    mismatch: { event: null },
    no_bank_card: { event: null },
    liveness_failed: { event: null },
    face_mismatch: { event: null },
  },
  legal_rep_wechat: {
    matched: { event: 'channel_matched' },
    declined: { event: 'channel_declined' },
    mismatch: { event: 'channel_failed', failure: 'mismatch' },
    no_bank_card: { event: 'channel_failed', failure: 'no_bank_card' },
    authorized: { event: null },
    passed: { event: null },
    liveness_failed: { event: null },
    face_mismatch: { event: null },
  },
  legal_rep_face: {
    passed: { event: 'channel_matched' },
    liveness_failed: { event: 'channel_failed', failure: 'liveness_failed' },
    face_mismatch: { event: 'channel_failed', failure: 'face_mismatch' },
    declined: { event: 'channel_declined' },
    matched: { event: null },
    authorized: { event: null },
    mismatch: { event: null },
    no_bank_card: { event: null },
  },
};

/** The reason shown to the user (the catalogue's `verification.enterpriseFailure.<failure>`); never names another account or the registry's data. */
export function enterpriseFailureText(failure: EnterpriseFailure, limit?: number): Phrase<`verification.enterpriseFailure.${EnterpriseFailure}`> {
  return failure === 'enterprise_limit' ? { code: `verification.enterpriseFailure.${failure}`, params: { limit: limit ?? 10 } } : { code: `verification.enterpriseFailure.${failure}` };
}
