import { controlRoute } from '@/lib/simulators/http/control-route';
import { parseInput, readJson } from '@/lib/simulators/http/parse';
import { created, json } from '@/lib/simulators/http/respond';
import { createEnterprise, listEnterprises } from '@/lib/simulators/registry/enterprises';
import { enterpriseSchema } from '@/lib/simulators/schemas/control';

export const GET = controlRoute(async ({ world }) => json(await listEnterprises(world.db)));

export const POST = controlRoute(async ({ req, world }) => {
  const input = parseInput(enterpriseSchema, (await readJson(req)).value);
  return created(await createEnterprise(world, input));
});
