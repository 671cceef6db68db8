import type { Phrase } from '../phrase';
import { isLicenceType, type LicenceType } from './licence-types';
import { isPersonalDocumentType, type PersonalDocumentType } from './personal-document-types';

export type SubjectDocumentLabel = Phrase<`identity.documentType.${PersonalDocumentType | 'other'}` | `identity.licenceType.${LicenceType}`>;

/**
 * 证件类型 (person) or 证照类型 (enterprise) of a verified subject, as the catalogue's key;
 * a stored type this product no longer names is shown as its code.
 */
export function subjectDocumentLabel(kind: 'person' | 'enterprise', documentType: string): SubjectDocumentLabel {
  if (kind === 'enterprise' && isLicenceType(documentType)) return { code: `identity.licenceType.${documentType}` };
  if (kind === 'person' && isPersonalDocumentType(documentType)) return { code: `identity.documentType.${documentType}` };
  return { code: 'identity.documentType.other', params: { type: documentType } };
}
