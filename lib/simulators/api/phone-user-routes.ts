import { createPhoneUser, listPhoneUsers } from '../people';
import type { PhoneChannel } from '../schema';
import { phoneUserSchema } from '../schemas/control';
import { controlRoute } from '../http/control-route';
import { parseInput, readJson } from '../http/parse';
import { created, json } from '../http/respond';

/** `POST /api/sim/{wechat,qq}/users` (SPEC §11.1) and the list behind it. */
export function phoneUserRoutes(channel: PhoneChannel) {
  return {
    GET: controlRoute(async ({ world }) => {
      const users = await listPhoneUsers(world.db, channel);
      return json(users.map((u) => ({ id: u.id, name: u.name, idType: u.idType, idNumber: u.idNumber, birthDate: u.birthDate, bankCard: u.bankCard })));
    }),
    POST: controlRoute(async ({ req, world }) => {
      const input = parseInput(phoneUserSchema, (await readJson(req)).value);
      return created(await createPhoneUser(world, channel, input));
    }),
  };
}
