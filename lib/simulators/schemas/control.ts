import { z } from 'zod';
import { validateBankAccount, validateEnterpriseCode } from '@/lib/domain/identity';
import { amountFenSchema, identifierSchema, idTypeSchema, isoDateSchema, nameSchema } from './common';
import { identityText } from '@/lib/messages/zh-CN/identity';

/** Bodies of the simulator control API, SPEC §11.1 (field names verbatim). */

export const phoneUserSchema = z.object({
  name: nameSchema(30),
  idType: idTypeSchema,
  idNumber: identifierSchema,
  birthDate: isoDateSchema,
  bankCard: z.boolean({ error: '应为 true 或 false' }),
});
export type PhoneUserInput = z.output<typeof phoneUserSchema>;

/** The registry keys enterprises by USCC (18) or registration number (15). */
export const registryCodeSchema = identifierSchema.superRefine((code, ctx) => {
  const r = validateEnterpriseCode(code);
  if (!r.ok) ctx.addIssue({ code: 'custom', message: identityText(r.message) });
  else if (r.kind === 'organisation_code') ctx.addIssue({ code: 'custom', message: '登记代码应为18位统一社会信用代码或15位工商注册号' });
});

const licenceTypeSchema = z.enum(['business_licence', 'other'], { error: '应为 business_licence 或 other' });
const registryStatusSchema = z.enum(['active', 'deregistered'], { error: '应为 active 或 deregistered' });

export const enterpriseSchema = z.object({
  name: nameSchema(100),
  code: registryCodeSchema,
  licenceType: licenceTypeSchema,
  legalRepName: nameSchema(30),
  legalRepIdNumber: identifierSchema,
  status: registryStatusSchema,
  // Optional details a licence shows; generated from the code when absent.
  entityType: nameSchema(40).optional(),
  address: nameSchema(100).optional(),
  registeredCapital: nameSchema(30).optional(),
  establishedOn: isoDateSchema.optional(),
  authority: nameSchema(40).optional(),
});
export type EnterpriseInput = z.output<typeof enterpriseSchema>;

export const enterprisePatchSchema = z
  .object({
    name: nameSchema(100).optional(),
    legalRepName: nameSchema(30).optional(),
    legalRepIdNumber: identifierSchema.optional(),
    status: registryStatusSchema.optional(),
  })
  .refine((p) => Object.values(p).some((v) => v !== undefined), { message: '请至少提供 name、legalRepName、legalRepIdNumber 或 status 之一', path: ['name'] });
export type EnterprisePatch = z.output<typeof enterprisePatchSchema>;

export const oaAccountSchema = z.object({
  name: nameSchema(60),
  verifiedEnterpriseName: nameSchema(100).nullable().default(null),
  adminWechatUserId: z.string({ error: '请填写管理员的模拟微信用户 id' }).trim().min(1, '请填写管理员的模拟微信用户 id'),
});
export type OaAccountInput = z.output<typeof oaAccountSchema>;

export const bankAccountNumberSchema = z
  .string({ error: '请填写银行账号' })
  .superRefine((v, ctx) => {
    if (!validateBankAccount(v).ok) ctx.addIssue({ code: 'custom', message: '银行账号为8至30位数字' });
  })
  .transform((v) => (validateBankAccount(v) as { value: string }).value);

export const bankAccountSchema = z.object({
  holderName: nameSchema(100),
  number: bankAccountNumberSchema,
  bank: nameSchema(60),
});
export type BankAccountInput = z.output<typeof bankAccountSchema>;

export const transferSchema = z.object({
  fromAccount: bankAccountNumberSchema,
  amountFen: amountFenSchema,
});

export const bankSettingsSchema = z.object({
  payoutDelayBusinessDays: z.number({ error: '应为 0–30 的整数' }).int('应为 0–30 的整数').min(0, '应为 0–30 的整数').max(30, '应为 0–30 的整数'),
});

export const actSchema = z.object({
  userId: z.string().trim().min(1).optional(),
  /** Official Account sessions: the 公众号 being authorised (`userId` is accepted as its alias). */
  oaAccountId: z.string().trim().min(1).optional(),
  decision: z.enum(['authorize', 'decline'], { error: '应为 authorize 或 decline' }),
  faceResult: z.enum(['passed', 'liveness_failed', 'face_mismatch'], { error: '应为 passed、liveness_failed 或 face_mismatch' }).optional(),
  bindCard: z.boolean({ error: '应为 true 或 false' }).optional(),
});
export type ActInput = z.output<typeof actSchema>;

export const clockMoveSchema = z
  .object({
    advanceSeconds: z.number({ error: '应为秒数' }).int('应为整数秒').min(0, '时钟只能向前调整').max(10 * 366 * 24 * 3600, '一次最多前进 10 年').optional(),
    set: z.iso.datetime({ offset: true, error: '应为 ISO 8601 时间，如 2026-10-08T09:00:00+08:00' }).optional(),
  })
  .refine((b) => (b.advanceSeconds === undefined) !== (b.set === undefined), { message: '请提供 advanceSeconds 或 set 之一', path: ['advanceSeconds'] });

export const licenceRequestSchema = z.object({ code: registryCodeSchema });

export const inboxQuerySchema = z.object({ to: z.string().trim().min(1).max(200).optional() });
