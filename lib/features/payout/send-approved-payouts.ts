import type { Tx } from '@/db/client';
import { appendAudit } from '@/db/queries/audit';
import { claimPayoutsToSend, findPayoutById, lockPayoutById, updatePayoutVerification } from '@/db/queries/payouts';
import type { PayoutVerificationRow } from '@/db/schema';
import { requestPayout } from '@/lib/channels/bank';
import { ChannelFailure } from '@/lib/channels/http-client';
import { auditTarget } from '@/lib/domain/audit';
import { addBusinessDays } from '@/lib/domain/business-days';
import { maskBankAccount } from '@/lib/domain/mask';
import { PAYOUT_ARRIVAL_PROMISE_BUSINESS_DAYS } from '@/lib/domain/verification/payout-machine';
import { formatDateTimeLong } from '@/lib/format/date-time';
import { decryptField } from '@/lib/security/crypto';
import { getBusinessCalendar } from '@/lib/features/calendar';
import { notifyAccount } from '@/lib/features/notifications';
import { PAYOUT_BANK_ACCOUNT_CONTEXT } from '@/db/schema';
import { sendChannelRequest, type ChannelServiceContext } from '@/lib/features/channels';

const BATCH = 20;

/**
 * The bank's reference of one payout attempt: the payout's id and its attempt number (a
 * resubmission after 打款失败 is a new payout with a new idempotency key); the bank
 * echoes it in payout.settled / payout.failed.
 */
export function payoutReference(row: Pick<PayoutVerificationRow, 'id' | 'payoutAttempt'>): string {
  return `${row.id}:${row.payoutAttempt}`;
}

export function parsePayoutReference(reference: string): { id: string; attempt: number } | null {
  const m = /^([0-9a-f-]{36}):(\d{1,6})$/i.exec(reference);
  return m ? { id: m[1]!.toLowerCase(), attempt: Number(m[2]) } : null;
}

/**
 * R-E-PAY 4: asks the bank to send the drawn amount of each approved payout, to the
 * account on file, holder name = 企业名称. Rows are claimed FOR UPDATE SKIP LOCKED;
 * each request goes through sendChannelRequest, whose idempotency key is saved before
 * the call — a run after a crash (or a second worker) replays the same key and the bank
 * pays once (SECURITY 29–30). The HTTP call runs outside any transaction. A channel
 * failure leaves the payout pending for the next run.
 */
export async function sendApprovedPayouts(ctx: ChannelServiceContext): Promise<{ sent: number; failed: number }> {
  const claimed = await ctx.db.transaction((tx) => claimPayoutsToSend(tx, BATCH));
  let sent = 0;
  let failed = 0;
  for (const { id } of claimed) {
    try {
      if (await sendPayout(ctx, id)) sent += 1;
    } catch (error) {
      if (!(error instanceof ChannelFailure)) throw error;
      failed += 1;
    }
  }
  return { sent, failed };
}

/** 对公打款已发出, with the promise (预计3个工作日内到账) rather than the bank's own estimate. */
export async function notifyPayoutSent(tx: Tx, accountId: string, bankAccountMasked: string, now: Date): Promise<void> {
  const calendar = await getBusinessCalendar(tx);
  await notifyAccount(
    tx,
    accountId,
    { kind: 'payout_sent', bankAccountMasked, expectedBy: formatDateTimeLong(addBusinessDays(calendar, now, PAYOUT_ARRIVAL_PROMISE_BUSINESS_DAYS)) },
    now,
  );
}

async function sendPayout(ctx: ChannelServiceContext, id: string): Promise<boolean> {
  const row = await findPayoutById(ctx.db, id);
  if (!row || row.state !== 'payout_pending' || row.bankPayoutId || row.amountFen === null) return false;
  const bankAccount = decryptField(row.bankAccountEnc, PAYOUT_BANK_ACCOUNT_CONTEXT);
  const reference = payoutReference(row);
  return sendChannelRequest(
    ctx,
    { channel: 'bank', operation: 'payout', reference },
    {
      // Already accepted (or moved on by a callback): nothing to send.
      existing: async (tx) => {
        const current = await lockPayoutById(tx, id);
        return !current || current.state !== 'payout_pending' || current.bankPayoutId || payoutReference(current) !== reference ? false : undefined;
      },
      call: (key, transport) =>
        requestPayout({ reference, toAccount: bankAccount, holderName: row.enterpriseName, bank: row.bankName, amountFen: row.amountFen! }, key, transport),
      settle: async (tx, answer, _key, now) => {
        const current = await lockPayoutById(tx, id);
        // A callback may have been applied first (it carries the payoutId too); then it told the user.
        if (!current || current.state !== 'payout_pending' || current.bankPayoutId || payoutReference(current) !== reference) return false;
        const updated = await updatePayoutVerification(tx, current, {
          bankPayoutId: answer.payoutId,
          payoutRequestedAt: now,
          expectedArrivalAt: new Date(answer.expectedArrival),
          updatedAt: now,
        });
        await appendAudit(tx, {
          at: now,
          action: 'payout_verification.payout_requested',
          accountId: current.accountId,
          target: auditTarget('payout_verification', current.id),
          data: { payoutId: answer.payoutId, attempt: current.payoutAttempt },
        });
        await notifyPayoutSent(tx, current.accountId, maskBankAccount(bankAccount), now);
        return !!updated;
      },
    },
  );
}
