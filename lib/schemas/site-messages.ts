import { z } from 'zod';

/** 标为已读: one message (its id) or, without an id, all of them. */
export const markReadSchema = z.object({
  messageId: z
    .string()
    .optional()
    .transform((v) => v || undefined)
    .pipe(z.uuid('消息不存在').optional()),
});
