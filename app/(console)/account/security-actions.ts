'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { createAction } from '@/lib/action';
import { changePasswordSchema } from '@/lib/schemas/auth';
import { changePassword } from '@/lib/features/account';
import { resendEmailConfirmation } from '@/lib/features/account';

export const resendConfirmationAction = createAction({ schema: z.object({}) }, async (_input, ctx) => {
  return resendEmailConfirmation(ctx, ctx.user.accountId);
});

export const changePasswordAction = createAction({ schema: changePasswordSchema }, async (input, ctx) => {
  const result = await changePassword(ctx, {
    accountId: ctx.user.accountId,
    sessionId: ctx.user.sessionId,
    currentPassword: input.currentPassword,
    newPassword: input.newPassword,
  });
  revalidatePath('/account');
  return result;
});
