import { requestWithdrawal } from '@/lib/simulators/bank/payments';
import { providerRoute } from '@/lib/simulators/http/provider-route';
import { withdrawalSchema } from '@/lib/simulators/schemas/provider';

/** 原路提现: the balance back to the enterprise's account. */
export const POST = providerRoute({ channel: 'bank', schema: withdrawalSchema, effect: true }, async ({ input, tx, now }) => ({
  status: 201,
  body: await requestWithdrawal(tx, now, input),
}));
