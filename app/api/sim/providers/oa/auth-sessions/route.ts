import { providerRoute } from '@/lib/simulators/http/provider-route';
import { oaSessionSchema } from '@/lib/simulators/schemas/provider';
import { openSession } from '@/lib/simulators/sessions/open';

/** An Official Account authorisation (R-E-OA): the admin picks a 公众号 and authorises. */
export const POST = providerRoute({ channel: 'oa', schema: oaSessionSchema, effect: true }, async ({ input, tx, now }) => ({
  status: 201,
  body: await openSession(tx, now, { channel: 'oa', reference: input.reference, callbackUrl: input.callbackUrl }),
}));
