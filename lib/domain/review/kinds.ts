/**
 * Review cases (审核单, SPEC §7): work for a human reviewer. A case is opened by a flow
 * (the corporate payout, a subject change, a name change) and judges the materials that
 * flow collected.
 */
export const REVIEW_CASE_KINDS = ['payout_materials', 'subject_change_proofs', 'name_change_proofs'] as const;
export type ReviewCaseKind = (typeof REVIEW_CASE_KINDS)[number];

/** The kinds that judge a first verification (the others judge a change of a verified subject). */
export const FIRST_VERIFICATION_REVIEW_KINDS = ['payout_materials'] as const satisfies readonly ReviewCaseKind[];

// Their names: the catalogue's review.kind.<kind>.

/**
 * The promised answer time in business days (SPEC §13 visible SLA clocks): R-E-PAY
 * promises 2 for the payout materials; R-CHG-E1 and R-CHG-E2 promise 1 for the change proofs.
 */
export const REVIEW_SLA_BUSINESS_DAYS: Record<ReviewCaseKind, number> = {
  payout_materials: 2,
  subject_change_proofs: 1,
  name_change_proofs: 1,
};

export function isReviewCaseKind(value: string): value is ReviewCaseKind {
  return (REVIEW_CASE_KINDS as readonly string[]).includes(value);
}
