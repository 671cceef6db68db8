/**
 * R-OWN-5: regulation requires the enterprise contact (企业联系人姓名, 身份证号, 手机号)
 * before an enterprise may use CDN services. Subjects verified before the contact was
 * collected may lack some of it; 使用CDN服务 can only be turned on once it is complete.
 */
/** In the order the page names them (the catalogue's `cdn.contactField.<field>`). */
export const CDN_CONTACT_FIELDS = ['contactName', 'contactIdNumber', 'contactMobile'] as const;

export type CdnContactField = (typeof CDN_CONTACT_FIELDS)[number];

export interface CdnReadiness {
  /** Only enterprise subjects have the setting. */
  applies: boolean;
  /** The contact data still missing (empty: the setting may be turned on). */
  missing: CdnContactField[];
}

export function cdnReadiness(subject: { kind: 'person' | 'enterprise'; contact: Partial<Record<CdnContactField, string | null>> }): CdnReadiness {
  if (subject.kind !== 'enterprise') return { applies: false, missing: [] };
  return { applies: true, missing: CDN_CONTACT_FIELDS.filter((f) => !subject.contact[f]) };
}
