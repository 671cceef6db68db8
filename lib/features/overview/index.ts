export { checkVerificationEligibility, type EligibilityView } from './check-verification-eligibility';
export { getAccountOverview } from './get-account-overview';
export { getVerificationOverview } from './get-verification-overview';
