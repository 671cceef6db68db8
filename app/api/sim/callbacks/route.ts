import { controlRoute } from '@/lib/simulators/http/control-route';
import { json } from '@/lib/simulators/http/respond';
import { listDeliveries } from '@/lib/simulators/delivery-log';

/** The callback delivery log (attempts, last status), newest first — for demos and debugging. */
export const GET = controlRoute(async ({ world }) => json(await listDeliveries(world.db)));
