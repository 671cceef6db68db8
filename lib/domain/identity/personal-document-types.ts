/** R-LIM-5: the only personal documents accepted. */
export const PERSONAL_DOCUMENT_TYPES = ['resident_id', 'hk_macau_permit', 'taiwan_permit'] as const;
export type PersonalDocumentType = (typeof PERSONAL_DOCUMENT_TYPES)[number];

export const PERSONAL_DOCUMENT_LABEL: Record<PersonalDocumentType, string> = {
  resident_id: '身份证',
  hk_macau_permit: '港澳居民来往内地通行证',
  taiwan_permit: '台湾居民来往大陆通行证',
};

export function isPersonalDocumentType(value: string): value is PersonalDocumentType {
  return (PERSONAL_DOCUMENT_TYPES as readonly string[]).includes(value);
}
