import { z } from 'zod';

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 64;
export const EMAIL_MAX = 254;
/** A link's token: 32 random bytes in base64url are 43 characters; anything far off is no token. */
export const LINK_TOKEN_MAX = 128;

const email = z
  .string({ error: '请输入邮箱' })
  .trim()
  .min(1, '请输入邮箱')
  .max(EMAIL_MAX, '邮箱过长')
  .pipe(z.email('请输入有效的邮箱地址'))
  .transform((v) => v.toLowerCase());

/** The password rules of every new password: sign-up, 重置密码 and 修改密码. */
export const newPassword = z
  .string({ error: '请输入密码' })
  .min(PASSWORD_MIN, `密码至少 ${PASSWORD_MIN} 位`)
  .max(PASSWORD_MAX, `密码不能超过 ${PASSWORD_MAX} 位`)
  .refine((v) => /[A-Za-z]/.test(v) && /\d/.test(v), '密码须同时包含字母和数字');

const repeated = z.string({ error: '请再次输入密码' }).min(1, '请再次输入密码');
const MISMATCH = '两次输入的密码不一致';

/** The password a user types to prove who they are (never checked against the rules of new ones). */
const typedPassword = (empty: string) => z.string({ error: empty }).min(1, empty).max(PASSWORD_MAX * 4, '密码过长');

const linkToken = z.string({ error: '链接无效或已过期，请重新获取' }).min(1, '链接无效或已过期，请重新获取').max(LINK_TOKEN_MAX, '链接无效或已过期，请重新获取');

export const registerSchema = z
  .object({ email, password: newPassword, confirmPassword: repeated })
  .refine((v) => v.password === v.confirmPassword, { path: ['confirmPassword'], message: MISMATCH });

export const loginSchema = z.object({
  email,
  password: typedPassword('请输入密码'),
  /** Where to go after sign-in: followed only through safeNextPath (lib/http/safe-next-path.ts), on the server. */
  next: z.string().optional(),
});

/** 忘记密码: the address to send the reset link to. */
export const forgotPasswordSchema = z.object({ email });

/** 重置密码: the link's token and the new password, twice. */
export const resetPasswordSchema = z
  .object({ token: linkToken, password: newPassword, confirmPassword: repeated })
  .refine((v) => v.password === v.confirmPassword, { path: ['confirmPassword'], message: MISMATCH });

/** 修改密码 on 账号信息. */
export const changePasswordSchema = z
  .object({ currentPassword: typedPassword('请输入当前密码'), newPassword, confirmNewPassword: repeated })
  .refine((v) => v.newPassword === v.confirmNewPassword, { path: ['confirmNewPassword'], message: MISMATCH });

/** 验证邮箱: the confirmation link's token. */
export const confirmEmailSchema = z.object({ token: linkToken });

export type RegisterInput = z.infer<typeof registerSchema>;
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;
