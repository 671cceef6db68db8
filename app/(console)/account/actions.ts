'use server';

import { revalidatePath } from 'next/cache';
import { createAction } from '@/lib/action';
import { profileSchema } from '@/lib/schemas/account';
import { updateAccountProfile } from '@/lib/features/account';

export const updateProfileAction = createAction({ schema: profileSchema }, async (input, ctx) => {
  await updateAccountProfile(ctx, ctx.user.accountId, input);
  revalidatePath('/account');
  return { saved: true };
});
