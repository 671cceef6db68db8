import { z } from 'zod';
import type { CalendarDate } from '@/lib/domain/identity/calendar-date';
import { PERSONAL_DOCUMENT_TYPES, validateDocument } from '@/lib/domain/identity/document-types';
import { LICENCE_TYPES, validateEnterpriseCode } from '@/lib/domain/identity/enterprise-code';
import { validateEnterpriseName } from '@/lib/domain/enterprise-name';
import { identityText } from '@/lib/messages/zh-CN/identity';

/**
 * 认证前检查 (SPEC §13), person: 证件类型 + 证件号码 with the wizard's own identifier
 * rules (SPEC §10, R-LIM-5). Age (R-LIM-4) is not a form error here: it is one of the
 * check's answers. `today` is the product clock's day, as in personalInfoSchema.
 */
export function personEligibilitySchema(today: CalendarDate) {
  return z
    .object({
      documentType: z.enum(PERSONAL_DOCUMENT_TYPES, { error: '请选择证件类型' }),
      documentNumber: z.string({ error: '请填写证件号码' }),
    })
    .transform((input, ctx) => {
      const document = validateDocument(input.documentType, input.documentNumber, today);
      if (!document.ok) {
        ctx.addIssue({ code: 'custom', path: ['documentNumber'], message: identityText(document.message) });
        return z.NEVER;
      }
      return {
        documentType: input.documentType,
        documentNumber: document.value,
        birthDate: document.type === 'resident_id' ? document.birthDate : null,
      };
    });
}

export type PersonEligibilityInput = z.output<ReturnType<typeof personEligibilitySchema>>;

/**
 * 认证前检查, enterprise: 证照类型 (it decides R-E-REG and R-E-TYPE, as in the wizard),
 * 企业名称 and 社会信用代码/其他组织机构代码, normalised as enterpriseInfoSchema does.
 */
export const enterpriseEligibilitySchema = z
  .object({
    licenceType: z.string().optional(),
    enterpriseName: z.string({ error: '请填写企业名称' }),
    code: z.string({ error: '请填写社会信用代码或其他组织机构代码' }),
  })
  .transform((input, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    const licenceType = LICENCE_TYPES.find((t) => t === input.licenceType);
    if (!licenceType) issue('licenceType', '请选择证照类型');
    const name = validateEnterpriseName(input.enterpriseName);
    if (!name.ok) issue('enterpriseName', identityText(name.message));
    const code = validateEnterpriseCode(input.code);
    if (!code.ok) issue('code', identityText(code.message));
    if (!licenceType || !name.ok || !code.ok) return z.NEVER;
    return { licenceType, enterpriseName: name.value, code: code.value };
  });

export type EnterpriseEligibilityInput = z.output<typeof enterpriseEligibilitySchema>;
