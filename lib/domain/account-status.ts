/** 认证状态 shown on 账号信息 (SPEC §2: 未实名, 已认证, 审核中, 变更中 — the catalogue's `accountStatus.<status>`). */
export type AccountVerificationStatus = 'unverified' | 'verified' | 'in_review' | 'changing';

/**
 * R-CHG-2: while a change is in progress the old subject stays in force, so the
 * account reads 变更中 rather than 未实名; a first verification waiting for a
 * reviewer reads 审核中.
 */
export function accountVerificationStatus(facts: {
  hasSubject: boolean;
  changeInProgress: boolean;
  firstVerificationInReview: boolean;
}): AccountVerificationStatus {
  if (facts.hasSubject) return facts.changeInProgress ? 'changing' : 'verified';
  return facts.firstVerificationInReview ? 'in_review' : 'unverified';
}
