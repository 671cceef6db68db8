import { z } from 'zod';

/** 动态验证码: the 6 digits an authenticator app shows (spaces ignored). */
export const totpCodeField = z
  .string({ error: '请输入动态验证码' })
  .transform((v) => v.replace(/\s+/g, ''))
  .pipe(z.string().min(1, '请输入动态验证码').regex(/^\d{6}$/, '动态验证码为 6 位数字'));

export const RECOVERY_CODE_MAX = 40;

/** The sign-in's second step with a code; `next` is followed only through safeNextPath. */
export const secondFactorSchema = z.object({ code: totpCodeField, next: z.string().optional() });

/** The sign-in's second step with a recovery code (使用恢复码). */
export const recoveryCodeSchema = z.object({
  recoveryCode: z
    .string({ error: '请输入恢复码' })
    .trim()
    .min(1, '请输入恢复码')
    .max(RECOVERY_CODE_MAX, '恢复码过长')
    .refine((v) => /^[A-Za-z0-9\s-]+$/.test(v), '恢复码由字母、数字和短横线组成'),
  next: z.string().optional(),
});

/** 开启两步验证: the first code from the newly added authenticator. */
export const confirmTwoFactorSchema = z.object({ code: totpCodeField });

/** 登录设备 → 退出: the session to end. */
export const revokeSessionSchema = z.object({ sessionId: z.uuid('该登录设备不存在或已退出') });
