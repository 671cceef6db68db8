import { controlRoute } from '@/lib/simulators/http/control-route';
import { parseInput, readJson } from '@/lib/simulators/http/parse';
import { json } from '@/lib/simulators/http/respond';
import { actSchema } from '@/lib/simulators/schemas/control';
import { actOnSession } from '@/lib/simulators/sessions/act';
import { findSession, sessionView } from '@/lib/simulators/sessions/view';

/** The phone's answer, as the phone page gives it (SPEC §11.1). */
export const POST = controlRoute<{ id: string }>(async ({ req, params, world }) => {
  const input = parseInput(actSchema, (await readJson(req)).value);
  await actOnSession(world, params.id, input);
  return json(sessionView((await findSession(world.db, params.id))!));
});
