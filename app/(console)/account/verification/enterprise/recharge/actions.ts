'use server';

import { redirect } from 'next/navigation';
import { createAction } from '@/lib/action';
import { rechargeStartSchema, rechargeVerificationSchema } from '@/lib/schemas/recharge';
import { leaveRechargeVerification } from '@/lib/features/recharge';
import { sendRechargeReceivingAccount } from '@/lib/features/recharge';
import { startRechargeVerification } from '@/lib/features/recharge';
import { routeOf } from '@/app/_lib/routes';

/** 确认并校验: issues the amount (or finds the one issued) and shows it. */
export const startRechargeAction = createAction({ schema: rechargeStartSchema }, async (input, ctx) => {
  await startRechargeVerification(ctx, ctx.user.accountId, input);
  redirect(routeOf('verification.enterprise.recharge'));
});

/** 将收款方信息发送至安全手机: answers the masked number it went to. */
export const sendReceivingAccountAction = createAction({ schema: rechargeVerificationSchema }, async (input, ctx) =>
  sendRechargeReceivingAccount(ctx, ctx.user.accountId, input.verificationId),
);

/** 更换其他认证方式: the recharge ends, back to step 2. */
export const leaveRechargeAction = createAction({ schema: rechargeVerificationSchema }, async (input, ctx) => {
  await leaveRechargeVerification(ctx, ctx.user.accountId, input.verificationId);
  redirect('/account/verification/enterprise');
});
