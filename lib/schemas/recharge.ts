import { z } from 'zod';
import { PAYER_NAME_MAX } from './recharge-fields';

// Its constants live in a zod-free module that browser code imports (issue 19).
export * from './recharge-fields';

/** 确认并校验: the 付款账户 the user will pay from (R-E-RCH 1). Equality with 企业名称 is checked on the server. */
export const rechargeStartSchema = z.object({
  verificationId: z.uuid('无效的认证记录'),
  payerName: z.string().trim().min(1, '请输入付款账户名称').max(PAYER_NAME_MAX, `付款账户名称不能超过 ${PAYER_NAME_MAX} 个字符`),
});
export type RechargeStartInput = z.output<typeof rechargeStartSchema>;

export const rechargeVerificationSchema = z.object({ verificationId: z.uuid('无效的认证记录') });

/** 原路提现 of one credit: the whole of what is left of it. */
export const withdrawalSchema = z.object({ creditId: z.uuid('无效的入账记录') });
