export { announceVerificationOutcome } from './announce-verification-outcome';
export { changeLink, type ChangeLink, type LinkedCompletion, type LinkedKind } from './change-link';
export { loadWizard, type WizardState } from './load-wizard';
