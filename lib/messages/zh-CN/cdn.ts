import { CDN_CONTACT_FIELDS, type CdnContactField } from '@/lib/domain/cdn';
import type { MessageEntry } from '../format';

const FIELD: Record<CdnContactField, string> = {
  contactName: '企业联系人姓名',
  contactIdNumber: '企业联系人身份证号',
  contactMobile: '企业联系人手机号',
};

/** 使用CDN服务 (R-OWN-5; lib/domain/cdn.ts): the enterprise contact it needs. */
export const cdnMessages = {
  'cdn.contactField.contactName': FIELD.contactName,
  'cdn.contactField.contactIdNumber': FIELD.contactIdNumber,
  'cdn.contactField.contactMobile': FIELD.contactMobile,
  /** `missing`: the missing fields' codes, comma-separated, named in the page's order. */
  'cdn.contactIncomplete': (p: { missing: string }) => {
    const missing = new Set(p.missing.split(','));
    return `开启使用CDN服务前，请先补充${CDN_CONTACT_FIELDS.filter((f) => missing.has(f))
      .map((f) => FIELD[f])
      .join('、')}`;
  },
} as const satisfies Record<string, MessageEntry> & Record<`cdn.contactField.${CdnContactField}`, MessageEntry>;
