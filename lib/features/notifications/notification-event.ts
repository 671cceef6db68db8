import type { MessageRef } from '@/lib/messages';

/**
 * A part of a notification that is words, handed over as a catalogue code with its
 * parameters and rendered when the notice is written (notification-text.ts). A plain
 * string is the producer's own words: accepted only while the producers of issue 17's
 * other areas still word their own (like AppError's `message`), then removed.
 */
export type NoticeWords = MessageRef | string;

/**
 * What users are told, and how (SPEC §8, issue 9): each event becomes one 站内信 and,
 * by the account's contact data, an e-mail, an SMS and a WeChat template message. The
 * values are masked by the caller — an ID number, bank account or mobile never appears
 * in clear (SECURITY 22). `kind` is the template; the rest its parameters.
 */
export type NotificationEvent =
  | { kind: 'verification_succeeded'; subject: 'person' | 'enterprise'; method: NoticeWords }
  | { kind: 'verification_failed'; subject: 'person' | 'enterprise'; method: NoticeWords; reason: NoticeWords }
  | { kind: 'review_approved'; what: NoticeWords }
  | { kind: 'review_rejected'; what: NoticeWords; fixes: NoticeWords[] }
  | { kind: 'payout_sent'; bankAccountMasked: string; expectedBy: string }
  | { kind: 'payout_arrived'; bankAccountMasked: string; deadline: string }
  | { kind: 'payout_failed'; reason: NoticeWords }
  | { kind: 'deadline_approaching'; what: NoticeWords; deadline: string }
  | { kind: 'deadline_passed'; what: NoticeWords }
  /** `update`: an amendment of the same subject (R-CHG-E2, R-CHG-E3) — what was updated, already masked. */
  | { kind: 'change_completed'; subjectName: string; update?: NoticeWords }
  | { kind: 'change_cancelled' }
  | { kind: 'change_expired' }
  | { kind: 'recharge_receiving_account'; holderName: string; accountNumber: string; bank: string; amount: string; deadline: string }
  | { kind: 'recharge_transfer_refunded'; amount: string; reason: NoticeWords; chancesLeft: number }
  | { kind: 'withdrawal_settled'; amount: string; bankAccountMasked: string }
  | { kind: 'withdrawal_failed'; amount: string; reason: NoticeWords }
  /** SPEC §13 registry re-check: the business registry differs from the enterprise subject on file (`newName`: rename only; a company name is public). */
  | { kind: 'registry_change_found'; change: 'rename'; newName: string }
  | { kind: 'registry_change_found'; change: 'legal_rep' | 'deregistered' };
