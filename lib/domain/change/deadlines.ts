import { addBusinessDays, type BusinessCalendar } from '../business-days';
import { REVIEW_SLA_BUSINESS_DAYS } from '../review/kinds';
import { isChangeInProgress, type ChangeState } from './change-machines';
import { CHANGE_REVIEW_KIND, type ChangeType } from './change-types';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * R-CHG-E1: an A → B request is valid 7 days as a whole. Calendar days: where §5 means
 * working days it says 工作日 / business days (R-E-RCH), and R-E-PAY's "7 days" is
 * calendar days too. Counted from the request's creation, to the same instant.
 */
export const SUBJECT_CHANGE_VALID_DAYS = 7;

/** R-CHG-4: person → person and A → B wait 30 calendar days after the last completed verification. */
export const CHANGE_COOL_DOWN_DAYS = 30;

/** When a request of `type` created at `createdAt` expires; null for the types without a deadline. */
export function changeExpiresAt(type: ChangeType, createdAt: Date): Date | null {
  return type === 'enterprise_to_enterprise' ? new Date(createdAt.getTime() + SUBJECT_CHANGE_VALID_DAYS * DAY_MS) : null;
}

/** Whether an unfinished request's deadline has passed at `now` (at the deadline itself it has). */
export function isChangeOverdue(type: ChangeType, state: ChangeState, createdAt: Date, now: Date): boolean {
  const expiresAt = changeExpiresAt(type, createdAt);
  return expiresAt !== null && isChangeInProgress(type, state) && now.getTime() >= expiresAt.getTime();
}

/**
 * The state a page shows at `now` (SPEC §8): an overdue request reads `expired` before the
 * sweeper writes it — pages never write (issue 17); the sweeper and the step actions do.
 * `held`: what the request opened cannot be ended yet (an approved payout runs to its end,
 * end-change-request.ts), so the sweeper leaves it open and so does the page.
 */
export function effectiveChangeState(type: ChangeType, state: ChangeState, createdAt: Date, now: Date, held = false): ChangeState {
  return !held && isChangeOverdue(type, state, createdAt, now) ? 'expired' : state;
}

/** The end of the 30-day cool-down that started when the account's last verification completed. */
export function coolDownEndsAt(lastVerifiedAt: Date): Date {
  return new Date(lastVerifiedAt.getTime() + CHANGE_COOL_DOWN_DAYS * DAY_MS);
}

/**
 * R-CHG-E1 / R-CHG-E2: the review answers within 1 business day of the submission (the
 * review case's own due time is computed from the same table, ADR 0010). Null for types
 * that never go to review.
 */
export function changeReviewPromisedBy(cal: BusinessCalendar, type: ChangeType, submittedAt: Date): Date | null {
  const kind = CHANGE_REVIEW_KIND[type];
  return kind === null ? null : addBusinessDays(cal, submittedAt, REVIEW_SLA_BUSINESS_DAYS[kind]);
}
