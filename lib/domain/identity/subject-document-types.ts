import { LICENCE_TYPES, type LicenceType } from './licence-types';
import { PERSONAL_DOCUMENT_TYPES } from './personal-document-types';

/** A verified subject's document: a person's (R-LIM-5) or an enterprise's licence type (SPEC §5.1). */
export const SUBJECT_DOCUMENT_TYPES = [...PERSONAL_DOCUMENT_TYPES, ...LICENCE_TYPES] as const;

export function isLicenceType(value: string): value is LicenceType {
  return (LICENCE_TYPES as readonly string[]).includes(value);
}
