import { z } from 'zod';
import { INDUSTRY_NAMES } from '@/lib/messages/zh-CN/industries';
import { parseMainlandMobile } from '@/lib/domain/mobile';
import { normaliseText } from '@/lib/domain/normalise';

export const NICKNAME_MAX = 32;

export const profileSchema = z.object({
  nickname: z
    .string({ error: '请输入账号昵称' })
    .transform(normaliseText)
    .pipe(z.string().min(1, '请输入账号昵称').max(NICKNAME_MAX, `账号昵称不能超过 ${NICKNAME_MAX} 个字符`)),
  contactPhone: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (!v || !v.trim()) return null;
      const parsed = parseMainlandMobile(v);
      if (!parsed) {
        ctx.addIssue({ code: 'custom', message: '请输入有效的中国大陆手机号' });
        return z.NEVER;
      }
      return parsed;
    }),
  industry: z
    .string()
    .optional()
    .transform((v) => v || null)
    .pipe(z.enum(INDUSTRY_NAMES, { error: '请从列表中选择行业' }).nullable()),
});

export type ProfileInput = z.infer<typeof profileSchema>;
