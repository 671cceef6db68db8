import { and, desc, eq, lte, sql } from 'drizzle-orm';
import { enqueueCallback } from '../callbacks';
import { bankInbox, type MovementKind, outgoingPayments } from '../schema';
import type { Executor } from '../world';
import { bankCallbackUrl, RECEIVING_ACCOUNT } from './receiving-account';

const ID_FIELD: Record<MovementKind, string> = { payout: 'payoutId', refund: 'refundId', withdrawal: 'withdrawalId' };

/**
 * Credits every pending payment whose settlement moment has passed by the world's
 * clock: into the account's inbox, with its `*.settled` callback, in one transaction.
 * It arrives at its settlement moment even when the sweep runs later (server down,
 * clock jumped). One UPDATE … RETURNING: concurrent sweeps settle each payment once.
 */
export async function settleDuePayments(db: Executor, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(outgoingPayments)
      .set({ status: 'settled', arrivedAt: sql`${outgoingPayments.settleAt}` })
      .where(and(eq(outgoingPayments.status, 'pending'), lte(outgoingPayments.settleAt, now)))
      .returning();
    for (const p of rows) {
      await tx.insert(bankInbox).values({
        accountNumber: p.toAccount,
        amountFen: p.amountFen,
        fromName: RECEIVING_ACCOUNT.holderName,
        kind: p.kind,
        paymentId: p.id,
        arrivedAt: p.settleAt,
      });
      await enqueueCallback(
        tx,
        { channel: 'bank', url: bankCallbackUrl(), type: `${p.kind}.settled`, data: { [ID_FIELD[p.kind]]: p.id, reference: p.reference, arrivedAt: p.settleAt.toISOString() } },
        now,
      );
    }
    return rows.length;
  });
}

/** SPEC §11.1 bank inbox: money an account received, newest first. */
export async function inboxOf(db: Executor, accountNumber: string) {
  const rows = await db.select().from(bankInbox).where(eq(bankInbox.accountNumber, accountNumber)).orderBy(desc(bankInbox.arrivedAt), desc(bankInbox.id));
  return rows.map((r) => ({ amountFen: r.amountFen, from: r.fromName, arrivedAt: r.arrivedAt.toISOString(), kind: r.kind, paymentId: r.paymentId }));
}
