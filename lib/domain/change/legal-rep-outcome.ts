import type { ChannelResult, ChannelSessionState } from '../channel-session';

/** Why the new legal rep was not proven: the catalogue's change.legal_rep_failure.<code>. */
export type LegalRepFailure = 'mismatch' | 'no_bank_card' | 'declined' | 'liveness_failed' | 'face_mismatch' | 'not_passed' | 'expired';

/**
 * R-CHG-E3: why the new legal rep's WeChat / face session did not prove them. Exhaustive
 * over the channels' results: a new result code is a type error here. A passing result
 * never reaches the data step, so it reads as a plain "not passed".
 */
const RESULT_FAILURE: Record<ChannelResult, LegalRepFailure> = {
  mismatch: 'mismatch',
  no_bank_card: 'no_bank_card',
  declined: 'declined',
  liveness_failed: 'liveness_failed',
  face_mismatch: 'face_mismatch',
  matched: 'not_passed',
  passed: 'not_passed',
  authorized: 'not_passed',
};

/** The reason shown back at the data step after the session ended without proving the new legal rep; null when there is none to show. */
export function legalRepSessionFailure(session: { state: ChannelSessionState; result: ChannelResult | null }): LegalRepFailure | null {
  if (session.state === 'expired') return 'expired';
  if (session.state === 'failed') return session.result ? RESULT_FAILURE[session.result] : 'not_passed';
  return null;
}
