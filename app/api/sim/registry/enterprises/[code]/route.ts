import { notFound } from '@/lib/simulators/errors';
import { controlRoute } from '@/lib/simulators/http/control-route';
import { parseInput, readJson } from '@/lib/simulators/http/parse';
import { json } from '@/lib/simulators/http/respond';
import { findEnterprise, nameHistoryOf, updateEnterprise } from '@/lib/simulators/registry/enterprises';
import { enterprisePatchSchema } from '@/lib/simulators/schemas/control';

export const GET = controlRoute<{ code: string }>(async ({ params, world }) => {
  const e = await findEnterprise(world.db, params.code);
  if (!e) throw notFound('工商登记中没有这个代码');
  return json({ ...e, nameHistory: await nameHistoryOf(world.db, e.code) });
});

/** Renames keep the old name in the history (SPEC §11.1). */
export const PATCH = controlRoute<{ code: string }>(async ({ req, params, world }) => {
  const patch = parseInput(enterprisePatchSchema, (await readJson(req)).value);
  const e = await updateEnterprise(world, params.code, patch);
  return json({ ...e, nameHistory: await nameHistoryOf(world.db, e.code) });
});
