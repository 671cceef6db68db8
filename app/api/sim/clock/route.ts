import { moveWorldClock, readWorldClock } from '@/lib/simulators/clock-control';
import { controlRoute } from '@/lib/simulators/http/control-route';
import { parseInput, readJson } from '@/lib/simulators/http/parse';
import { json } from '@/lib/simulators/http/respond';
import { clockMoveSchema } from '@/lib/simulators/schemas/control';

export const GET = controlRoute(async ({ world }) => json(await readWorldClock(world)));

/** `{advanceSeconds}` or `{set: ISO time}`: the world's time only moves forward. */
export const POST = controlRoute(async ({ req, world }) => {
  const move = parseInput(clockMoveSchema, (await readJson(req)).value);
  return json(await moveWorldClock(world, move));
});
