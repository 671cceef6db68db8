'use server';

import { redirect } from 'next/navigation';
import { createAction } from '@/lib/action';
import { withdrawalSchema } from '@/lib/schemas/recharge';
import { withdrawBalance } from '@/lib/features/account';

/** 原路提现 of one credit; the page then shows it 处理中. */
export const withdrawAction = createAction({ schema: withdrawalSchema }, async (input, ctx) => {
  await withdrawBalance(ctx, ctx.user.accountId, input.creditId);
  redirect('/account/balance');
});
