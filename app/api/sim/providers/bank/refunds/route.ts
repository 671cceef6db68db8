import { requestRefund } from '@/lib/simulators/bank/payments';
import { providerRoute } from '@/lib/simulators/http/provider-route';
import { refundSchema } from '@/lib/simulators/schemas/provider';

/** R-E-RCH: a wrong transfer goes back to where it came from. */
export const POST = providerRoute({ channel: 'bank', schema: refundSchema, effect: true }, async ({ input, tx, now }) => ({
  status: 201,
  body: await requestRefund(tx, now, input),
}));
