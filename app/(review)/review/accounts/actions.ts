'use server';

import { createAction } from '@/lib/action';
import { redactAccountSchema } from '@/lib/schemas/redaction';
import { redactAccountPersonalData } from '@/lib/features/privacy';

/** 删除个人信息 (SPEC §13): account managers only — the wrapper checks the role, the use case again. */
export const redactAccountAction = createAction({ schema: redactAccountSchema, access: { roles: ['account_manager'] as const } }, async (input, ctx) => {
  const result = await redactAccountPersonalData(ctx, ctx.user.accountId, input);
  return { status: result.status, accountNumber: result.accountNumber };
});
