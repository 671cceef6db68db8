import { findBankAccount } from '@/lib/simulators/bank/accounts';
import { inboxOf } from '@/lib/simulators/bank/settle';
import { notFound } from '@/lib/simulators/errors';
import { controlRoute } from '@/lib/simulators/http/control-route';
import { json } from '@/lib/simulators/http/respond';
import { sweepWorld } from '@/lib/simulators/sweeps';

/** Money the account received (payouts, refunds, withdrawals), after settling whatever is due. */
export const GET = controlRoute<{ number: string }>(async ({ params, world }) => {
  await sweepWorld(world);
  const account = await findBankAccount(world.db, params.number);
  if (!account) throw notFound('模拟银行中没有这个账户');
  return json(await inboxOf(world.db, account.number));
});
