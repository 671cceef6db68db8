import { z } from 'zod';
import { normaliseIdentifier } from '@/lib/domain/normalise';
import { REDACTION_REASON_MAX, REDACTION_REASON_MIN } from './redaction-fields';

// Its constants live in a zod-free module that browser code imports (issue 19).
export * from './redaction-fields';

/**
 * 删除个人信息 (SPEC §13, ADR 0016): find an account by its 账号ID, then redact it with a
 * reason and the 账号ID typed again. The same schemas drive the form in the browser and
 * the server action.
 */

const accountNumber = z.preprocess(
  (v) => (typeof v === 'string' ? normaliseIdentifier(v) : v),
  z.string({ error: '请填写账号ID' }).min(1, '请填写账号ID').regex(/^\d{10}$/, '账号ID为 10 位数字'),
);

/** The page's search (GET ?accountNumber=): an invalid value shows the message, never a 500. */
export const accountLookupSchema = z.object({ accountNumber });

export const redactAccountSchema = z
  .object({
    accountNumber,
    reason: z
      .string({ error: '请填写删除原因' })
      .trim()
      .min(REDACTION_REASON_MIN, '请填写删除原因')
      .max(REDACTION_REASON_MAX, `删除原因最多 ${REDACTION_REASON_MAX} 个字`),
    confirmAccountNumber: z.preprocess((v) => (typeof v === 'string' ? normaliseIdentifier(v) : v), z.string({ error: '请再次输入账号ID以确认' }).min(1, '请再次输入账号ID以确认')),
  })
  .refine((v) => v.confirmAccountNumber === v.accountNumber, { path: ['confirmAccountNumber'], message: '两次输入的账号ID不一致，请再次输入要删除个人信息的账号ID' });
