import { controlRoute } from '@/lib/simulators/http/control-route';
import { parseInput, readJson } from '@/lib/simulators/http/parse';
import { created, json } from '@/lib/simulators/http/respond';
import { createOaAccount, listOaAccounts } from '@/lib/simulators/official-accounts';
import { oaAccountSchema } from '@/lib/simulators/schemas/control';

export const GET = controlRoute(async ({ world }) => json(await listOaAccounts(world.db)));

export const POST = controlRoute(async ({ req, world }) => {
  const input = parseInput(oaAccountSchema, (await readJson(req)).value);
  return created(await createOaAccount(world, input));
});
