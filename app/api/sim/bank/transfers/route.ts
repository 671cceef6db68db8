import { listTransfers, makeTransfer } from '@/lib/simulators/bank/transfers';
import { controlRoute } from '@/lib/simulators/http/control-route';
import { parseInput, readJson } from '@/lib/simulators/http/parse';
import { created, json } from '@/lib/simulators/http/respond';
import { transferSchema } from '@/lib/simulators/schemas/control';

export const GET = controlRoute(async ({ world }) => json(await listTransfers(world.db)));

/** A transfer to the provider's receiving account; the product gets a signed `transfer.received`. */
export const POST = controlRoute(async ({ req, world }) => {
  const input = parseInput(transferSchema, (await readJson(req)).value);
  return created(await makeTransfer(world, input));
});
