import { providerRoute } from '@/lib/simulators/http/provider-route';
import { faceSessionSchema } from '@/lib/simulators/schemas/provider';
import { openSession } from '@/lib/simulators/sessions/open';

/** A face session (liveness + comparison with the authority photo) for a mainland resident (R-P-FACE). */
export const POST = providerRoute({ channel: 'face', schema: faceSessionSchema, effect: true }, async ({ input, tx, now }) => ({
  status: 201,
  body: await openSession(tx, now, {
    channel: 'face',
    reference: input.reference,
    callbackUrl: input.callbackUrl,
    expected: { name: input.expectedName, idType: 'resident_id', idNumber: input.idNumber },
  }),
}));
