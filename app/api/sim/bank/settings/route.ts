import { readBankSettings, writeBankSettings } from '@/lib/simulators/bank/accounts';
import { controlRoute } from '@/lib/simulators/http/control-route';
import { parseInput, readJson } from '@/lib/simulators/http/parse';
import { json } from '@/lib/simulators/http/respond';
import { bankSettingsSchema } from '@/lib/simulators/schemas/control';

export const GET = controlRoute(async ({ world }) => json(await readBankSettings(world.db)));

export const PATCH = controlRoute(async ({ req, world }) => {
  const input = parseInput(bankSettingsSchema, (await readJson(req)).value);
  return json(await writeBankSettings(world.db, input));
});
