import { z } from 'zod';
import { isRealDate } from '@/lib/domain/identity';
import { normaliseIdentifier, normaliseText } from '@/lib/domain/normalise';

export const ID_TYPES = ['resident_id', 'hk_macau_permit', 'taiwan_permit'] as const;

export const idTypeSchema = z.enum(ID_TYPES, { error: '应为 resident_id、hk_macau_permit 或 taiwan_permit' });

/** A person's or organisation's name as written: half-width, single spaces. */
export const nameSchema = (max = 60) =>
  z
    .string({ error: '请填写' })
    .transform(normaliseText)
    .pipe(z.string().min(1, '请填写').max(max, `不能超过 ${max} 个字符`));

/** An identifier: spaces dropped, full-width → half-width, upper-case (SPEC §10). */
export const identifierSchema = z
  .string({ error: '请填写' })
  .transform(normaliseIdentifier)
  .pipe(z.string().min(1, '请填写').max(40, '不能超过 40 个字符'));

export const isoDateSchema = z
  .string({ error: '请填写日期' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((v) => isRealDate({ year: Number(v.slice(0, 4)), month: Number(v.slice(5, 7)), day: Number(v.slice(8, 10)) }), '不是有效的日期');

/** The product's own id of what a request serves; echoed in callbacks. */
export const referenceSchema = z.string({ error: '请填写' }).trim().min(1, '请填写').max(200, '不能超过 200 个字符');

export const callbackUrlSchema = z.url({ protocol: /^https?$/, error: '应为 http(s) 地址' });

export const amountFenSchema = z
  .number({ error: '应为整数（单位：分）' })
  .int('应为整数（单位：分）')
  .positive('应大于 0')
  .max(100_000_000_00, '金额过大');
