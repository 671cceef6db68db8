import { z } from 'zod';
import type { CalendarDate } from '@/lib/domain/identity/calendar-date';
import { LICENCE_TYPES, validateEnterpriseCode } from '@/lib/domain/identity/enterprise-code';
import { validateMainlandIdField } from '@/lib/domain/identity/mainland-id';
import { validateEnterpriseName } from '@/lib/domain/enterprise-name';
import { parseMainlandMobile } from '@/lib/domain/mobile';
import { normaliseText } from '@/lib/domain/normalise';
import { validatePersonName } from '@/lib/domain/person-name';
import { consentValue } from '@/lib/domain/consent';
import { SESSION_METHODS, type LegalRepMethod } from '@/lib/domain/verification/enterprise-methods';
import { ADDRESS_DETAIL_MAX, ADDRESS_DETAIL_MIN } from './personal-info';
import { formatEntry } from '@/lib/messages/format';
import { consentMessages } from '@/lib/messages/zh-CN/consent';
import { identityText } from '@/lib/messages/zh-CN/identity';

/** The address cascade: GB/T 2260 codes of 2, 4 and 6 digits (as §4.1). */
const DIVISION_CODES = [
  { field: 'province', digits: 2, message: '请选择省份' },
  { field: 'city', digits: 4, message: '请选择城市' },
  { field: 'district', digits: 6, message: '请选择区县' },
] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const CONTACT_ID_NOT_MAINLAND = '企业联系人身份证号仅支持18位中国大陆居民身份证号码';
export const LEGAL_REP_ID_NOT_MAINLAND =
  '企业法人身份证号须为18位中国大陆居民身份证号码；港澳台及外籍法定代表人无法使用企业法人认证方式，请选择其他认证方式';
export const MOBILE_MESSAGE = '请填写正确的中国大陆手机号码（+86）';

const contactFields = {
  contactName: z.string({ error: '请填写企业联系人姓名' }),
  contactIdNumber: z.string({ error: '请填写企业联系人身份证号' }),
  contactMobile: z.string({ error: '请填写企业联系人手机号' }),
};

/**
 * Step 1 of the enterprise wizard (SPEC §5.1), shared by the browser (react-hook-form)
 * and the server action, mirroring personalInfoSchema. `today` is the product clock's
 * day (the ID numbers' birth dates must not lie in the future). The output is
 * normalised: the code trimmed, half width, upper case; the name in its canonical
 * form (lib/domain/enterprise-name.ts); the mobile as `+86` + 11 digits.
 */
export function enterpriseInfoSchema(today: CalendarDate) {
  return z
    .object({
      // Checked in the transform with the rest: an unticked radio group must not hide the other errors.
      licenceType: z.string().optional(),
      licenceUploadId: z.string({ error: '请上传证照' }).trim(),
      enterpriseName: z.string({ error: '请填写企业名称' }),
      code: z.string({ error: '请填写社会信用代码或其他组织机构代码' }),
      province: z.string({ error: '请选择省份' }).trim(),
      city: z.string({ error: '请选择城市' }).trim(),
      district: z.string({ error: '请选择区县' }).trim(),
      addressDetail: z.string({ error: '请填写详细地址' }).transform(normaliseText),
      ...contactFields,
    })
    // Every rule in this one step (as personalInfoSchema): the user sees all errors at once.
    .transform((input, ctx) => {
      const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });

      const licenceType = LICENCE_TYPES.find((t) => t === input.licenceType);
      if (!licenceType) issue('licenceType', '请选择证照类型');
      if (!UUID.test(input.licenceUploadId)) {
        issue('licenceUploadId', input.licenceType === 'other' ? '请上传组织证照' : '请上传营业执照');
      }
      const name = validateEnterpriseName(input.enterpriseName);
      if (!name.ok) issue('enterpriseName', identityText(name.message));
      const code = validateEnterpriseCode(input.code);
      if (!code.ok) issue('code', identityText(code.message));

      let codesOk = true;
      for (const { field, digits, message } of DIVISION_CODES) {
        if (new RegExp(`^\\d{${digits}}$`).test(input[field])) continue;
        codesOk = false;
        issue(field, message);
      }
      if (codesOk && !input.city.startsWith(input.province)) issue('city', '请选择该省份下的城市');
      if (codesOk && !input.district.startsWith(input.city)) issue('district', '请选择该城市下的区县');
      if (input.addressDetail.length < ADDRESS_DETAIL_MIN) issue('addressDetail', '请填写详细地址');
      else if (input.addressDetail.length > ADDRESS_DETAIL_MAX) issue('addressDetail', `详细地址不能超过 ${ADDRESS_DETAIL_MAX} 个字符`);

      const contact = checkEnterpriseContact(input, today, issue);

      if (!licenceType || !name.ok || !code.ok || !contact) return z.NEVER;
      return {
        licenceType,
        licenceUploadId: input.licenceUploadId.toLowerCase(),
        enterpriseName: name.value,
        code: code.value,
        codeKind: code.kind,
        province: input.province,
        city: input.city,
        district: input.district,
        addressDetail: input.addressDetail,
        ...contact,
      };
    });
}

/** 企业联系人 (SPEC §5.1, R-OWN-5): name, mainland ID, mobile as `+86…`; every error reported through `issue`. */
function checkEnterpriseContact(
  input: { contactName: string; contactIdNumber: string; contactMobile: string },
  today: CalendarDate,
  issue: (path: string, message: string) => void,
) {
  const contactName = validatePersonName(input.contactName, '企业联系人姓名');
  if (!contactName.ok) issue('contactName', identityText(contactName.message));
  const contactId = validateMainlandIdField(input.contactIdNumber, today, { label: '企业联系人身份证号', notMainland: CONTACT_ID_NOT_MAINLAND });
  if (!contactId.ok) issue('contactIdNumber', identityText(contactId.message));
  const mobile = input.contactMobile.trim() === '' ? null : parseMainlandMobile(input.contactMobile);
  if (!mobile) issue('contactMobile', input.contactMobile.trim() === '' ? '请填写企业联系人手机号' : MOBILE_MESSAGE);
  if (!contactName.ok || !contactId.ok || !mobile) return null;
  return { contactName: contactName.value, contactIdNumber: contactId.value, contactMobile: mobile };
}

/** R-OWN-5: the enterprise contact added to a verified subject that lacks it (subjects verified before it was collected). */
export function enterpriseContactSchema(today: CalendarDate) {
  return z.object(contactFields).transform((input, ctx) => {
    const contact = checkEnterpriseContact(input, today, (path, message) => ctx.addIssue({ code: 'custom', path: [path], message }));
    return contact ?? z.NEVER;
  });
}

export type EnterpriseContactInput = z.output<ReturnType<typeof enterpriseContactSchema>>;

export type EnterpriseInfoInput = z.output<ReturnType<typeof enterpriseInfoSchema>>;

/**
 * 企业法人姓名 + 企业法人身份证号 (R-E-LRWX, R-E-LRFACE): a mainland resident ID only —
 * legal representatives from Hong Kong, Macau, Taiwan or abroad cannot use these methods.
 */
export function legalRepSchema(today: CalendarDate) {
  return z
    .object({
      legalRepName: z.string({ error: '请填写企业法人姓名' }),
      legalRepIdNumber: z.string({ error: '请填写企业法人身份证号' }),
    })
    .transform((input, ctx) => {
      const name = validatePersonName(input.legalRepName, '企业法人姓名');
      if (!name.ok) ctx.addIssue({ code: 'custom', path: ['legalRepName'], message: identityText(name.message) });
      const id = validateMainlandIdField(input.legalRepIdNumber, today, { label: '企业法人身份证号', notMainland: LEGAL_REP_ID_NOT_MAINLAND });
      if (!id.ok) ctx.addIssue({ code: 'custom', path: ['legalRepIdNumber'], message: identityText(id.message) });
      if (!name.ok || !id.ok) return z.NEVER;
      return { legalRepName: name.value, legalRepIdNumber: id.value };
    });
}

/**
 * Step 2: the method chosen for the account's enterprise verification, discriminated on
 * `method`. The two legal-rep methods carry the legal rep's name and ID (legalRepSchema);
 * `oa` ignores those fields when posted.
 */
export type EnterpriseMethodInput =
  | { verificationId: string; method: 'oa' }
  /** `consent`: the version of the face text ticked (SECURITY 17), for legal-rep face only. */
  | { verificationId: string; method: LegalRepMethod; legalRepName: string; legalRepIdNumber: string; consent?: string };

export function enterpriseMethodSchema(today: CalendarDate) {
  const legalRep = legalRepSchema(today);
  return z
    .object({
      verificationId: z.string({ error: '认证记录无效，请刷新页面后重试' }).trim().regex(UUID, '认证记录无效，请刷新页面后重试'),
      method: z.enum(SESSION_METHODS, { error: '请选择认证方式' }),
      legalRepName: z.string().optional(),
      legalRepIdNumber: z.string().optional(),
      // An unticked box registered by react-hook-form is `false`: anything but the posted version is no consent.
      consent: z.string().optional().catch(undefined),
    })
    .transform((input, ctx): EnterpriseMethodInput => {
      const verificationId = input.verificationId.toLowerCase();
      if (input.method === 'oa') return { verificationId, method: 'oa' };
      const parsed = legalRep.safeParse({ legalRepName: input.legalRepName ?? '', legalRepIdNumber: input.legalRepIdNumber ?? '' });
      if (!parsed.success) {
        for (const i of parsed.error.issues) ctx.addIssue({ code: 'custom', path: i.path, message: i.message });
        return z.NEVER;
      }
      if (input.method === 'legal_rep_face' && input.consent !== consentValue('face')) {
        ctx.addIssue({ code: 'custom', path: ['consent'], message: formatEntry(consentMessages['consent.required'], { purpose: 'face' }) });
        return z.NEVER;
      }
      return { verificationId, method: input.method, ...parsed.data, ...(input.method === 'legal_rep_face' ? { consent: input.consent } : {}) };
    });
}
