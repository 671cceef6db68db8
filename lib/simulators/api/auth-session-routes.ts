import { providerRoute } from '../http/provider-route';
import type { PhoneChannel } from '../schema';
import { authSessionSchema } from '../schemas/provider';
import { openSession } from '../sessions/open';

/** `POST {wechat,qq}/auth-sessions` (docs/channel-protocol.md): a QR code for an expected identity. */
export function authSessionRoute(channel: PhoneChannel) {
  return providerRoute({ channel, schema: authSessionSchema, effect: true }, async ({ input, tx, now }) => ({
    status: 201,
    body: await openSession(tx, now, {
      channel,
      reference: input.reference,
      callbackUrl: input.callbackUrl,
      expected: { name: input.expectedName, idType: input.idType, idNumber: input.idNumber },
    }),
  }));
}
