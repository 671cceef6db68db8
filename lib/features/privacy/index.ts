export { applyRetention } from './apply-retention';
export { type AccountPersonalDataSummary, getAccountPersonalDataSummary } from './get-account-personal-data-summary';
export { redactAccountPersonalData } from './redact-account-personal-data';
