import { controlRoute } from '@/lib/simulators/http/control-route';
import { parseInput, queryOf } from '@/lib/simulators/http/parse';
import { json } from '@/lib/simulators/http/respond';
import { listMessages } from '@/lib/simulators/inbox';
import { inboxQuerySchema } from '@/lib/simulators/schemas/control';

/** Messages (email, SMS, WeChat) the product sent, newest first; `?to=` filters by recipient. */
export const GET = controlRoute(async ({ req, world }) => {
  const { to } = parseInput(inboxQuerySchema, queryOf(req));
  return json(await listMessages(world.db, to));
});
