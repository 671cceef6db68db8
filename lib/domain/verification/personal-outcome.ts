import type { Phrase } from '../phrase';
import type { ChannelResult } from '../channel-session';
import type { PersonalEvent } from './personal-machine';
import type { PersonalMethod } from './personal-methods';

/** Why a personal verification failed; stored as a code, shown through personalFailureText. */
export const PERSONAL_FAILURES = ['mismatch', 'no_bank_card', 'liveness_failed', 'face_mismatch', 'identity_limit', 'minor', 'subject_exists'] as const;
export type PersonalFailure = (typeof PERSONAL_FAILURES)[number];

export type PersonalChannelOutcome =
  | { event: Extract<PersonalEvent, 'channel_matched' | 'channel_declined'> }
  | { event: 'channel_failed'; failure: PersonalFailure }
  | { event: null };

/**
 * What each channel result means for a personal verification (R-P-WX, R-P-QQ,
 * R-P-FACE). Exhaustive: a new result code is a type error here. `authorized` belongs
 * to the Official Account channel and never to a personal verification.
 */
export const PERSONAL_RESULT_OUTCOME: Record<ChannelResult, PersonalChannelOutcome> = {
  matched: { event: 'channel_matched' },
  passed: { event: 'channel_matched' },
  declined: { event: 'channel_declined' },
  mismatch: { event: 'channel_failed', failure: 'mismatch' },
  no_bank_card: { event: 'channel_failed', failure: 'no_bank_card' },
  liveness_failed: { event: 'channel_failed', failure: 'liveness_failed' },
  face_mismatch: { event: 'channel_failed', failure: 'face_mismatch' },
  authorized: { event: null },
};

/**
 * The reason shown to the user (the catalogue's `verification.personalFailure.<failure>`,
 * which names the method's channel where it matters); never names another account.
 */
export function personalFailureText(failure: PersonalFailure, method: PersonalMethod | null): Phrase<`verification.personalFailure.${PersonalFailure}`> {
  return { code: `verification.personalFailure.${failure}`, params: { method: method ?? 'wechat' } };
}
