import { z } from 'zod';

/**
 * The ICP filing subject name to check (R-OWN-4). Deliberately NOT normalised: the check
 * is character for character, so a trailing space or a half-width bracket must reach it.
 */
export const icpCheckSchema = z.object({
  filingName: z
    .string({ error: '请输入备案主体名称' })
    .max(200, '备案主体名称不能超过 200 个字符')
    .refine((v) => v.trim() !== '', '请输入备案主体名称'),
});
