import { RECEIVING_ACCOUNT } from '@/lib/simulators/bank/receiving-account';
import { providerRoute } from '@/lib/simulators/http/provider-route';
import { noBodySchema } from '@/lib/simulators/schemas/provider';

/** Where R-E-RCH transfers go (收款户名, 收款账户, 收款银行). */
export const GET = providerRoute({ channel: 'bank', schema: noBodySchema, effect: false }, async () => ({
  status: 200,
  body: { ...RECEIVING_ACCOUNT },
}));
