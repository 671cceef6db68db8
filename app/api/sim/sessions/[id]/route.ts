import { notFound } from '@/lib/simulators/errors';
import { controlRoute } from '@/lib/simulators/http/control-route';
import { json } from '@/lib/simulators/http/respond';
import { findSession, sessionView } from '@/lib/simulators/sessions/view';
import { sweepWorld } from '@/lib/simulators/sweeps';

/** A channel session: channel, expected identity (masked), state — expired first if its 5 minutes are over. */
export const GET = controlRoute<{ id: string }>(async ({ params, world }) => {
  await sweepWorld(world);
  const s = await findSession(world.db, params.id);
  if (!s) throw notFound('没有这个会话');
  return json(sessionView(s));
});
