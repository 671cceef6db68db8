import { z } from 'zod';
import { controlRoute } from '@/lib/simulators/http/control-route';
import { parseInput, queryOf } from '@/lib/simulators/http/parse';
import { json } from '@/lib/simulators/http/respond';
import { listDeliveries } from '@/lib/simulators/delivery-log';

const query = z.object({ sessionId: z.string().min(1).max(255).optional() });

/** The callback delivery log (attempts, last status), newest first; `?sessionId=` keeps one session's callbacks. */
export const GET = controlRoute(async ({ req, world }) => {
  const { sessionId } = parseInput(query, queryOf(req));
  return json(await listDeliveries(world.db, { sessionId }));
});
