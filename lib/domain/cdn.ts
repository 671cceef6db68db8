/**
 * R-OWN-5: regulation requires the enterprise contact (企业联系人姓名, 身份证号, 手机号)
 * before an enterprise may use CDN services. Subjects verified before the contact was
 * collected may lack some of it; 使用CDN服务 can only be turned on once it is complete.
 */
export const CDN_CONTACT_FIELDS = [
  { field: 'contactName', label: '企业联系人姓名' },
  { field: 'contactIdNumber', label: '企业联系人身份证号' },
  { field: 'contactMobile', label: '企业联系人手机号' },
] as const;

export type CdnContactField = (typeof CDN_CONTACT_FIELDS)[number]['field'];

export interface CdnReadiness {
  /** Only enterprise subjects have the setting. */
  applies: boolean;
  /** The labels of the contact data still missing (empty: the setting may be turned on). */
  missing: string[];
}

export function cdnReadiness(subject: { kind: 'person' | 'enterprise'; contact: Partial<Record<CdnContactField, string | null>> }): CdnReadiness {
  if (subject.kind !== 'enterprise') return { applies: false, missing: [] };
  return { applies: true, missing: CDN_CONTACT_FIELDS.filter((f) => !subject.contact[f.field]).map((f) => f.label) };
}
