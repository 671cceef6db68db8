export { cancelPersonalVerification } from './cancel-personal-verification';
export { choosePersonalMethod } from './choose-personal-method';
export { applyPersonalChannelResult } from './complete-personal-verification';
export { confirmPersonalVerification } from './confirm-personal-verification';
export { getPersonalStatus } from './get-personal-status';
export { getPersonalWizard, type PersonalVerificationView } from './get-personal-wizard';
export { movePersonal } from './personal-verification-steps';
export { retryPersonalVerification } from './retry-personal-verification';
export { IDENTITY_LIMIT_PERSON, personIdentityKey, startPersonalVerification } from './start-personal-verification';
