import { z } from 'zod';
import { isAdultOn } from '@/lib/domain/identity/age';
import type { CalendarDate } from '@/lib/domain/identity/calendar-date';
import { PERSONAL_DOCUMENT_TYPES, validateDocument } from '@/lib/domain/identity/document-types';
import { INDUSTRIES } from '@/lib/domain/industries';
import { normaliseText } from '@/lib/domain/normalise';
import { validatePersonName } from '@/lib/domain/person-name';

export const ADDRESS_DETAIL_MIN = 2;
export const ADDRESS_DETAIL_MAX = 100;
export const MINOR_MESSAGE = '根据相关规定，未满 18 周岁不能进行实名认证';

const code = (digits: number, message: string) =>
  z
    .string({ error: message })
    .trim()
    .regex(new RegExp(`^\\d{${digits}}$`), message);

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
      province: code(2, '请选择省份'),
      city: code(4, '请选择城市'),
      district: code(6, '请选择区县'),
      addressDetail: z
        .string({ error: '请填写详细地址' })
        .transform(normaliseText)
        .pipe(
          z
            .string()
            .min(ADDRESS_DETAIL_MIN, '请填写详细地址')
            .max(ADDRESS_DETAIL_MAX, `详细地址不能超过 ${ADDRESS_DETAIL_MAX} 个字符`),
        ),
    })
    .transform((input, ctx) => {
      const name = validatePersonName(input.realName);
      if (!name.ok) ctx.addIssue({ code: 'custom', path: ['realName'], message: name.message });

      const document = validateDocument(input.documentType, input.documentNumber, today);
      if (!document.ok) ctx.addIssue({ code: 'custom', path: ['documentNumber'], message: document.message });
      else if (document.type === 'resident_id' && !isAdultOn(document.birthDate, today)) {
        ctx.addIssue({ code: 'custom', path: ['documentNumber'], message: MINOR_MESSAGE });
      }

      // 行业信息 is asked of 身份证 holders only, as in the original console.
      const industry = input.documentType === 'resident_id' ? (input.industry ?? '') : '';
      if (input.documentType === 'resident_id' && !(INDUSTRIES as readonly string[]).includes(industry)) {
        ctx.addIssue({ code: 'custom', path: ['industry'], message: '请选择行业信息' });
      }
      if (!input.city.startsWith(input.province)) ctx.addIssue({ code: 'custom', path: ['city'], message: '请选择该省份下的城市' });
      if (!input.district.startsWith(input.city)) ctx.addIssue({ code: 'custom', path: ['district'], message: '请选择该城市下的区县' });

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
