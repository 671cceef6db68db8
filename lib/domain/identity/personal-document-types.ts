/** R-LIM-5: the only personal documents accepted; their names are the catalogue's `identity.documentType.<type>`. */
export const PERSONAL_DOCUMENT_TYPES = ['resident_id', 'hk_macau_permit', 'taiwan_permit'] as const;
export type PersonalDocumentType = (typeof PERSONAL_DOCUMENT_TYPES)[number];

export function isPersonalDocumentType(value: string): value is PersonalDocumentType {
  return (PERSONAL_DOCUMENT_TYPES as readonly string[]).includes(value);
}
