import { appendAudit } from '@/db/queries/audit';
import { insertBalanceEntry, lockOwnCredit, withdrawalsOfCredit } from '@/db/queries/balance';
import { auditTarget } from '@/lib/domain/audit';
import { creditRemaining } from '@/lib/domain/balance';
import { AppError } from '@/lib/errors';
import type { ServiceContext } from '../context';
import { isUuid } from '@/lib/schemas/uuid';

/**
 * 原路提现 (R-E-RCH 3): what is left of one credit goes back to the account it came from,
 * debited from the balance at once and sent by sendDueBankReturns. The credit's row
 * lock decides concurrent requests one after the other, so a double click makes one
 * withdrawal (and a unique index backs it: one live withdrawal per credit); nothing
 * left is BALANCE_NOTHING_TO_WITHDRAW.
 */
export async function withdrawBalance(ctx: ServiceContext, accountId: string, creditId: string): Promise<{ withdrawalId: string; amountFen: number }> {
  const now = await ctx.clock.now();
  if (!isUuid(creditId)) throw new AppError('NOT_FOUND');
  return ctx.db.transaction(async (tx) => {
    const credit = await lockOwnCredit(tx, accountId, creditId);
    if (!credit) throw new AppError('NOT_FOUND');
    const remaining = creditRemaining(credit, await withdrawalsOfCredit(tx, credit.id));
    if (remaining <= 0) throw new AppError('BALANCE_NOTHING_TO_WITHDRAW');
    const withdrawal = await insertBalanceEntry(tx, {
      accountId,
      kind: 'withdrawal',
      amountFen: remaining,
      creditEntryId: credit.id,
      holderName: credit.holderName,
      bankAccountEnc: credit.bankAccountEnc,
      bankAccountLast4: credit.bankAccountLast4,
      state: 'pending',
      createdAt: now,
      updatedAt: now,
    });
    await appendAudit(tx, {
      at: now,
      action: 'balance.withdrawal_queued',
      actorAccountId: accountId,
      accountId,
      target: auditTarget('balance_entry', withdrawal.id),
      data: { credit: credit.id, amountFen: remaining },
    });
    return { withdrawalId: withdrawal.id, amountFen: remaining };
  });
}
