import { providerRoute } from '@/lib/simulators/http/provider-route';
import { storeMessage } from '@/lib/simulators/inbox';
import { messageSchema } from '@/lib/simulators/schemas/provider';

/** Email, SMS or WeChat message: it lands in the simulator's inbox (SPEC §8). */
export const POST = providerRoute({ channel: 'notify', schema: messageSchema, effect: true }, async ({ input, tx, now }) => ({
  status: 201,
  body: { messageId: await storeMessage(tx, now, input) },
}));
