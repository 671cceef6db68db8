/**
 * The review case's states as a table (ARCHITECTURE rule 3). A case is decided once per
 * round: `approve` and `reject` leave `open`, and nothing leaves `approved`. A rejected
 * case re-opens as a new round when the user re-submits the rejected items; the flow
 * that opened it may cancel it (撤销) while it is open or rejected.
 */
export type ReviewCaseState = 'open' | 'approved' | 'rejected' | 'cancelled';
export type ReviewCaseEvent = 'approve' | 'reject' | 'resubmit' | 'cancel';

export const REVIEW_CASE_STATES = ['open', 'approved', 'rejected', 'cancelled'] as const satisfies readonly ReviewCaseState[];

const next: Record<ReviewCaseState, Partial<Record<ReviewCaseEvent, ReviewCaseState>>> = {
  open: { approve: 'approved', reject: 'rejected', cancel: 'cancelled' },
  rejected: { resubmit: 'open', cancel: 'cancelled' },
  approved: {},
  cancelled: {},
};

/** The state after `event`, or null when the event is not allowed in `state`. */
export function reviewCaseTransition(state: ReviewCaseState, event: ReviewCaseEvent): ReviewCaseState | null {
  return next[state][event] ?? null;
}
