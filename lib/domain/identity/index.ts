export { ADULT_AGE, ageOn, birthdayIn, isAdultOn } from './age';
export { BANK_ACCOUNT_MESSAGE, type BankAccountResult, validateBankAccount } from './bank-account';
export {
  type CalendarDate,
  chinaCalendarDate,
  compareCalendarDates,
  daysInMonth,
  isLeapYear,
  isRealDate,
  parseCompactDate,
} from './calendar-date';
export {
  type DocumentRefusal,
  type DocumentResult,
  isPersonalDocumentType,
  type DocumentMessage,
  NOT_ACCEPTED_MESSAGE,
  PERSONAL_DOCUMENT_TYPES,
  type PersonalDocumentType,
  validateDocument,
} from './document-types';
export {
  type EnterpriseCodeKind,
  type EnterpriseCodeMessage,
  type EnterpriseCodeRefusal,
  type EnterpriseCodeResult,
  enterpriseCodeKind,
  isBusinessEntity,
  LICENCE_TYPES,
  type LicenceType,
  validateEnterpriseCode,
} from './enterprise-code';
export {
  makeOrganisationCode,
  normaliseOrganisationCode,
  type OrganisationCodeRefusal,
  type OrganisationCodeResult,
  organisationCodeCheckChar,
  validateOrganisationCode,
} from './organisation-code';
export {
  type PermitResult,
  recogniseRefusedDocument,
  type RefusedDocumentKind,
  validateHkMacauPermit,
  validateTaiwanPermit,
} from './permits';
export {
  iso7064Mod1110CheckDigit,
  makeRegistrationNumber,
  type RegistrationNumberRefusal,
  type RegistrationNumberResult,
  registrationNumberCheckDigit,
  validateRegistrationNumber,
} from './registration-number';
export {
  makeResidentId,
  MAINLAND_PROVINCE_CODES,
  normaliseResidentId,
  type ResidentIdRefusal,
  type ResidentIdResult,
  residentIdCheckChar,
  validateResidentId,
} from './resident-id';
export { isLicenceType, SUBJECT_DOCUMENT_TYPES, type SubjectDocumentType } from './subject-document-types';
export { makeUscc, normaliseUscc, type UsccRefusal, type UsccResult, usccCheckChar, validateUscc } from './uscc';
