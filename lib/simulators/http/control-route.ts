import { ensureSimulatorWorker, nudgeSimulatorWorker } from '../worker';
import { getWorld, simulatorsEnabled } from '../world';
import { disabled, errorJson } from './respond';

type RouteContext<P> = { params: Promise<P> };

/**
 * A route handler of the simulator control API (SPEC §11.1): 404 unless simulators are
 * enabled, the world handed in, a provider error or a 400 naming the field on failure.
 * The API has no authentication of its own: it exists only where simulators are on.
 */
export function controlRoute<P extends Record<string, string> = Record<string, never>>(
  handler: (args: { req: Request; params: P; world: Awaited<ReturnType<typeof getWorld>> }) => Promise<Response>,
) {
  return async function route(req: Request, context: RouteContext<P>): Promise<Response> {
    if (!simulatorsEnabled()) return disabled();
    try {
      const world = await getWorld();
      ensureSimulatorWorker();
      const response = await handler({ req, params: await context.params, world });
      // A change may have queued callbacks: their first attempt goes out at once.
      if (req.method !== 'GET') nudgeSimulatorWorker();
      return response;
    } catch (error) {
      return errorJson(error);
    }
  };
}
