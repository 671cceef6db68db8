import { requestPayout } from '@/lib/simulators/bank/payments';
import { providerRoute } from '@/lib/simulators/http/provider-route';
import { payoutSchema } from '@/lib/simulators/schemas/provider';

/** R-E-PAY: a random-cent payout, settled after N business days or failed (`payout.failed`). */
export const POST = providerRoute({ channel: 'bank', schema: payoutSchema, effect: true }, async ({ input, tx, now }) => ({
  status: 201,
  body: await requestPayout(tx, now, input),
}));
