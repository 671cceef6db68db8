// What the simulated world and the test factories take from the identity rules; the product imports each rule's own file.
export { validateBankAccount } from './bank-account';
export { chinaCalendarDate, isRealDate } from './calendar-date';
export { validateDocument } from './document-types';
export { validateEnterpriseCode } from './enterprise-code';
export { makeOrganisationCode } from './organisation-code';
export { makeRegistrationNumber, validateRegistrationNumber } from './registration-number';
export { makeResidentId } from './resident-id';
export { makeUscc, validateUscc } from './uscc';
