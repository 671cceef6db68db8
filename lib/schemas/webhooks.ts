import { z } from 'zod';

/** The integrator's endpoint (SPEC §13); the server checks scheme and host (lib/channels/webhook-url.ts). */
export const webhookEndpointSchema = z.object({
  url: z
    .string({ error: '请输入回调地址' })
    .trim()
    .min(1, '请输入回调地址')
    .max(2048, '回调地址不能超过 2048 个字符')
    .pipe(z.url({ protocol: /^https?$/, error: '请输入有效的回调地址（以 https:// 开头的完整网址）' })),
});

export const resendWebhookSchema = z.object({
  deliveryId: z.string().regex(/^msg_[0-9a-f]{32}$/, '推送记录不存在'),
});

export const removeWebhookSchema = z.object({});
