import { z } from 'zod';

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 64;
export const EMAIL_MAX = 254;

const email = z
  .string({ error: '请输入邮箱' })
  .trim()
  .min(1, '请输入邮箱')
  .max(EMAIL_MAX, '邮箱过长')
  .pipe(z.email('请输入有效的邮箱地址'))
  .transform((v) => v.toLowerCase());

export const registerSchema = z
  .object({
    email,
    password: z
      .string({ error: '请输入密码' })
      .min(PASSWORD_MIN, `密码至少 ${PASSWORD_MIN} 位`)
      .max(PASSWORD_MAX, `密码不能超过 ${PASSWORD_MAX} 位`)
      .refine((v) => /[A-Za-z]/.test(v) && /\d/.test(v), '密码须同时包含字母和数字'),
    confirmPassword: z.string({ error: '请再次输入密码' }).min(1, '请再次输入密码'),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ['confirmPassword'], message: '两次输入的密码不一致' });

export const loginSchema = z.object({
  email,
  password: z.string({ error: '请输入密码' }).min(1, '请输入密码').max(PASSWORD_MAX * 4, '密码过长'),
  /** Where to go after sign-in: followed only through safeNextPath (lib/http/safe-next-path.ts), on the server. */
  next: z.string().optional(),
});

export type RegisterInput = z.infer<typeof registerSchema>;
export type LoginInput = z.infer<typeof loginSchema>;
