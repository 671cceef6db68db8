import { desc, eq } from 'drizzle-orm';
import { enqueueCallback } from '../callbacks';
import { invalidField } from '../errors';
import { newId } from '../ids';
import { transfers } from '../schema';
import type { Executor, World } from '../world';
import { findBankAccount } from './accounts';
import { bankCallbackUrl } from './receiving-account';

/**
 * 转账: money from a simulated corporate account into the provider's receiving account
 * (drives R-E-RCH). The product hears of it through a signed `transfer.received` callback.
 */
export async function makeTransfer(world: World, input: { fromAccount: string; amountFen: number }): Promise<string> {
  const now = await world.clock.now();
  return world.db.transaction(async (tx) => {
    const from = await findBankAccount(tx, input.fromAccount);
    if (!from) throw invalidField('fromAccount', '模拟银行中没有这个付款账户');
    const id = newId('trf');
    await tx.insert(transfers).values({ id, fromAccount: from.number, fromName: from.holderName, amountFen: input.amountFen, receivedAt: now });
    await enqueueCallback(
      tx,
      {
        channel: 'bank',
        url: bankCallbackUrl(),
        type: 'transfer.received',
        data: { transferId: id, fromAccount: from.number, fromName: from.holderName, amountFen: input.amountFen, receivedAt: now.toISOString() },
      },
      now,
    );
    return id;
  });
}

export async function findTransfer(db: Executor, id: string) {
  const [row] = await db.select().from(transfers).where(eq(transfers.id, id));
  return row;
}

export async function listTransfers(db: Executor, limit = 100) {
  return db.select().from(transfers).orderBy(desc(transfers.receivedAt)).limit(limit);
}
