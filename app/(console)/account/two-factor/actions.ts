'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { createAction } from '@/lib/action';
import { confirmTwoFactorSchema } from '@/lib/schemas/two-factor';
import { confirmTwoFactorEnrolment } from '@/lib/features/account';
import { startTwoFactorEnrolment } from '@/lib/features/account';

export const startTwoFactorAction = createAction({ schema: z.object({}) }, async (_input, ctx) => {
  await startTwoFactorEnrolment(ctx, ctx.user.accountId);
  redirect('/account/two-factor');
});

/** Answers the 10 recovery codes, shown once by the form that asked (never stored in clear). */
export const confirmTwoFactorAction = createAction({ schema: confirmTwoFactorSchema }, async (input, ctx) => {
  const result = await confirmTwoFactorEnrolment(ctx, { accountId: ctx.user.accountId, code: input.code });
  // The page's 须开启 note goes; the form keeps its answer (the codes) across the refresh.
  revalidatePath('/account/two-factor');
  return result;
});
