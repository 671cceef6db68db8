import { DEADLINE_JOBS, requestRunSoon } from '@/lib/jobs/run-soon';
import { moveWorldClock, readWorldClock } from '@/lib/simulators/clock-control';
import { controlRoute } from '@/lib/simulators/http/control-route';
import { parseInput, readJson } from '@/lib/simulators/http/parse';
import { json } from '@/lib/simulators/http/respond';
import { clockMoveSchema } from '@/lib/simulators/schemas/control';

export const GET = controlRoute(async ({ world }) => json(await readWorldClock(world)));

/**
 * `{advanceSeconds}` or `{set: ISO time}`: the world's time only moves forward. The
 * product's sweepers are woken at once (the pages already show a passed deadline; its
 * notifications and webhooks come from the sweeper), rather than at their next tick.
 */
export const POST = controlRoute(async ({ req, world }) => {
  const move = parseInput(clockMoveSchema, (await readJson(req)).value);
  const moved = await moveWorldClock(world, move);
  requestRunSoon(...DEADLINE_JOBS);
  return json(moved);
});
