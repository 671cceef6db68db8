import { z } from 'zod';
import { consentValue } from '@/lib/domain/consent';
import { validateEnterpriseName } from '@/lib/domain/enterprise-name';
import type { CalendarDate } from '@/lib/domain/identity/calendar-date';
import { validateEnterpriseCode } from '@/lib/domain/identity/enterprise-code';
import { validateMainlandIdField } from '@/lib/domain/identity/mainland-id';
import { normaliseText } from '@/lib/domain/normalise';
import { validatePersonName } from '@/lib/domain/person-name';
import { ADDRESS_DETAIL_MAX, ADDRESS_DETAIL_MIN } from './personal-info';
import { readStoredFileField } from './upload';
import { LEGAL_REP_DOCUMENTS, OLD_LEGAL_REP_ID_NOT_MAINLAND, PROOF_FIELDS, proofKeysFor, type ProofKey } from './enterprise-subject-change-fields';
import { formatEntry } from '@/lib/messages/format';
import { consentMessages } from '@/lib/messages/zh-CN/consent';
import { identityText } from '@/lib/messages/zh-CN/identity';

// Its constants live in a zod-free module that browser code imports (issue 19).
export * from './enterprise-subject-change-fields';

const DIVISIONS = [
  { field: 'province', digits: 2, message: '请选择省份' },
  { field: 'city', digits: 4, message: '请选择城市' },
  { field: 'district', digits: 6, message: '请选择区县' },
] as const;

/**
 * 变更企业主体（A企业变成B企业）(R-CHG-E1), the form that starts the request: 《实名认证主体变更协议》,
 * 变更前企业法人姓名/身份证号, and the new enterprise's 企业名称, 社会信用代码 and 通讯地址.
 * Shared by the browser and the server action; every rule at once. Output normalised as
 * §5.1 normalises it (enterpriseInfoSchema): the code by the enterprise-code validator.
 */
export function enterpriseSubjectChangeSchema(today: CalendarDate) {
  return z
    .object({
      // An unticked box registered by react-hook-form is `false`: anything but the posted version is no consent.
      consent: z.string().optional().catch(undefined),
      legalRepName: z.string({ error: '请填写变更前企业法人姓名' }),
      legalRepIdNumber: z.string({ error: '请填写变更前企业法人身份证号' }),
      enterpriseName: z.string({ error: '请填写企业名称' }),
      code: z.string({ error: '请填写社会信用代码' }),
      province: z.string({ error: '请选择省份' }).trim(),
      city: z.string({ error: '请选择城市' }).trim(),
      district: z.string({ error: '请选择区县' }).trim(),
      addressDetail: z.string({ error: '请填写详细地址' }).transform(normaliseText),
    })
    .transform((input, ctx) => {
      const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
      if (input.consent !== consentValue('subject_change')) issue('consent', formatEntry(consentMessages['consent.required'], { purpose: 'subject_change' }));
      const repName = validatePersonName(input.legalRepName, '变更前企业法人姓名');
      if (!repName.ok) issue('legalRepName', identityText(repName.message));
      const repId = validateMainlandIdField(input.legalRepIdNumber, today, { label: '变更前企业法人身份证号', notMainland: OLD_LEGAL_REP_ID_NOT_MAINLAND });
      if (!repId.ok) issue('legalRepIdNumber', identityText(repId.message));
      const name = validateEnterpriseName(input.enterpriseName);
      if (!name.ok) issue('enterpriseName', identityText(name.message));
      const code = validateEnterpriseCode(input.code);
      if (!code.ok) issue('code', identityText(code.message));

      let divisionsOk = true;
      for (const { field, digits, message } of DIVISIONS) {
        if (new RegExp(`^\\d{${digits}}$`).test(input[field])) continue;
        divisionsOk = false;
        issue(field, message);
      }
      if (divisionsOk && !input.city.startsWith(input.province)) issue('city', '请选择该省份下的城市');
      if (divisionsOk && !input.district.startsWith(input.city)) issue('district', '请选择该城市下的区县');
      if (input.addressDetail.length < ADDRESS_DETAIL_MIN) issue('addressDetail', '请填写详细地址');
      else if (input.addressDetail.length > ADDRESS_DETAIL_MAX) issue('addressDetail', `详细地址不能超过 ${ADDRESS_DETAIL_MAX} 个字符`);

      if (!repName.ok || !repId.ok || !name.ok || !code.ok || ctx.issues.length > 0) return z.NEVER;
      return {
        consent: input.consent,
        legalRepName: repName.value,
        legalRepIdNumber: repId.value,
        enterpriseName: name.value,
        code: code.value,
        province: input.province,
        city: input.city,
        district: input.district,
        addressDetail: input.addressDetail,
      };
    });
}

export type EnterpriseSubjectChangeInput = z.output<ReturnType<typeof enterpriseSubjectChangeSchema>>;

/**
 * The proofs form as posted (browser and server action): the legal-rep document chosen,
 * and each proof it asks for either chosen now (PDF/JPG/PNG ≤ 5 MB — photos JPG/PNG —,
 * checked here, stored by the action) or stored already (its id in a hidden field, so
 * that an error elsewhere does not ask for it again). Errors sit beside the file input.
 */
export const subjectChangeProofsFormSchema = z.looseObject({}).transform((input: Record<string, unknown>, ctx) => {
  const raw = typeof input.legalRepDocument === 'string' ? input.legalRepDocument : '';
  const document = LEGAL_REP_DOCUMENTS.find((d) => d === raw);
  if (!document) {
    ctx.addIssue({ code: 'custom', path: ['legalRepDocument'], message: '请选择法人证件类型' });
    return z.NEVER;
  }
  const files: Partial<Record<ProofKey, File>> = {};
  const uploadIds: Partial<Record<ProofKey, string>> = {};
  for (const key of proofKeysFor(document)) {
    const read = readStoredFileField(input, PROOF_FIELDS[key], ctx);
    if (read.file) files[key] = read.file;
    else if (read.uploadId) uploadIds[key] = read.uploadId;
  }
  if (ctx.issues.length > 0) return z.NEVER;
  return { legalRepDocument: document, files, uploadIds };
});
