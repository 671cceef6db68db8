import { createBankAccount, listBankAccounts } from '@/lib/simulators/bank/accounts';
import { controlRoute } from '@/lib/simulators/http/control-route';
import { parseInput, readJson } from '@/lib/simulators/http/parse';
import { created, json } from '@/lib/simulators/http/respond';
import { bankAccountSchema } from '@/lib/simulators/schemas/control';

export const GET = controlRoute(async ({ world }) => json(await listBankAccounts(world.db)));

export const POST = controlRoute(async ({ req, world }) => {
  const input = parseInput(bankAccountSchema, (await readJson(req)).value);
  return created(await createBankAccount(world, input));
});
