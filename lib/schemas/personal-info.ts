import { z } from 'zod';
import { isAdultOn } from '@/lib/domain/identity/age';
import type { CalendarDate } from '@/lib/domain/identity/calendar-date';
import { PERSONAL_DOCUMENT_TYPES, validateDocument } from '@/lib/domain/identity/document-types';
import { INDUSTRY_NAMES } from '@/lib/messages/zh-CN/industries';
import { normaliseText } from '@/lib/domain/normalise';
import { validatePersonName } from '@/lib/domain/person-name';
import { identityText } from '@/lib/messages/zh-CN/identity';

export const ADDRESS_DETAIL_MIN = 2;
export const ADDRESS_DETAIL_MAX = 100;
export const MINOR_MESSAGE = '根据相关规定，未满 18 周岁不能进行实名认证';

/** The address cascade: GB/T 2260 codes of 2, 4 and 6 digits. */
const DIVISION_CODES = [
  { field: 'province', digits: 2, message: '请选择省份' },
  { field: 'city', digits: 4, message: '请选择城市' },
  { field: 'district', digits: 6, message: '请选择区县' },
] as const;

/**
 * Step 1 of the personal wizard (SPEC §4.1), shared by the browser (react-hook-form)
 * and the server action. `today` is the product clock's day: the server passes it to
 * the page, so that both sides judge birth dates and age (R-LIM-4) alike.
 */
export function personalInfoSchema(today: CalendarDate) {
  return z
    .object({
      realName: z.string({ error: '请填写真实姓名' }),
      documentType: z.enum(PERSONAL_DOCUMENT_TYPES, { error: '请选择证件类型' }),
      documentNumber: z.string({ error: '请填写证件号码' }),
      industry: z.string().optional(),
      province: z.string({ error: '请选择省份' }).trim(),
      city: z.string({ error: '请选择城市' }).trim(),
      district: z.string({ error: '请选择区县' }).trim(),
      addressDetail: z.string({ error: '请填写详细地址' }).transform(normaliseText),
    })
    // Every rule below is checked in this one step, not in the fields above: zod skips an
    // object's transform once a field failed, and the user must see all errors at once
    // (an empty form from the browser has every field, each an empty string).
    .transform((input, ctx) => {
      const name = validatePersonName(input.realName);
      if (!name.ok) ctx.addIssue({ code: 'custom', path: ['realName'], message: identityText(name.message) });

      const document = validateDocument(input.documentType, input.documentNumber, today);
      if (!document.ok) ctx.addIssue({ code: 'custom', path: ['documentNumber'], message: identityText(document.message) });
      else if (document.type === 'resident_id' && !isAdultOn(document.birthDate, today)) {
        ctx.addIssue({ code: 'custom', path: ['documentNumber'], message: MINOR_MESSAGE });
      }

      // 行业信息 is asked of 身份证 holders only, as in the original console.
      const industry = input.documentType === 'resident_id' ? (input.industry ?? '') : '';
      if (input.documentType === 'resident_id' && !INDUSTRY_NAMES.includes(industry)) {
        ctx.addIssue({ code: 'custom', path: ['industry'], message: '请选择行业信息' });
      }
      let codesOk = true;
      for (const { field, digits, message } of DIVISION_CODES) {
        if (new RegExp(`^\\d{${digits}}$`).test(input[field])) continue;
        codesOk = false;
        ctx.addIssue({ code: 'custom', path: [field], message });
      }
      if (codesOk && !input.city.startsWith(input.province)) ctx.addIssue({ code: 'custom', path: ['city'], message: '请选择该省份下的城市' });
      if (codesOk && !input.district.startsWith(input.city)) ctx.addIssue({ code: 'custom', path: ['district'], message: '请选择该城市下的区县' });

      if (input.addressDetail.length < ADDRESS_DETAIL_MIN) ctx.addIssue({ code: 'custom', path: ['addressDetail'], message: '请填写详细地址' });
      else if (input.addressDetail.length > ADDRESS_DETAIL_MAX) {
        ctx.addIssue({ code: 'custom', path: ['addressDetail'], message: `详细地址不能超过 ${ADDRESS_DETAIL_MAX} 个字符` });
      }

      if (!name.ok || !document.ok) return z.NEVER;
      return {
        realName: name.value,
        documentType: input.documentType,
        documentNumber: document.value,
        birthDate: document.type === 'resident_id' ? document.birthDate : null,
        industry: industry || null,
        province: input.province,
        city: input.city,
        district: input.district,
        addressDetail: input.addressDetail,
      };
    });
}

export type PersonalInfoInput = z.output<ReturnType<typeof personalInfoSchema>>;
