import { randomInt } from 'node:crypto';
import { appendAudit } from '@/db/queries/audit';
import { findEnterpriseVerification } from '@/db/queries/enterprise-verifications';
import { insertRecharge, lockOpenRechargeOf, openRechargeAmounts } from '@/db/queries/recharges';
import { getReceivingAccount } from '@/lib/channels/bank';
import { auditTarget } from '@/lib/domain/audit';
import { addBusinessDays } from '@/lib/domain/business-days';
import { isEnterpriseInProgress } from '@/lib/domain/verification/enterprise-machine';
import { NOT_BUSINESS_NOTICE } from '@/lib/domain/verification/enterprise-methods';
import { drawMicroAmount } from '@/lib/domain/verification/micro-amount';
import { RECHARGE_VALID_BUSINESS_DAYS } from '@/lib/domain/verification/recharge-machine';
import { AppError } from '@/lib/errors';
import type { RechargeStartInput } from '@/lib/schemas/recharge';
import { enterpriseMethodOffer } from '@/lib/features/enterprise';
import { lockOwnEnterprise, moveEnterprise } from '@/lib/features/enterprise';
import { isUuid } from '@/lib/schemas/uuid';
import { getBusinessCalendar } from '@/lib/features/calendar';
import type { ChannelServiceContext } from '@/lib/features/channels';

/**
 * 确认并校验 (R-E-RCH 1–2): the confirmed 付款账户 must equal 企业名称 exactly (a field
 * error on 付款账户 otherwise); then an amount of ¥0.01–¥0.99 is drawn with a secure
 * generator (avoiding the amounts of other open recharges, so that a transfer under a
 * mistyped name can still be attributed), valid 7 business days, and the enterprise
 * verification moves to `awaiting_bank` with method `recharge`.
 *
 * The provider's receiving account is read from the bank first (a GET without effect)
 * and kept on the recharge, so that the page never depends on the bank being up. A
 * double submit finds the open recharge and answers it: one amount per verification.
 */
export async function startRechargeVerification(ctx: ChannelServiceContext, accountId: string, input: RechargeStartInput): Promise<{ rechargeId: string }> {
  const now = await ctx.clock.now();
  const row = isUuid(input.verificationId) ? await findEnterpriseVerification(ctx.db, accountId, input.verificationId) : undefined;
  if (!row) throw new AppError('NOT_FOUND');
  if (!isEnterpriseInProgress(row.state)) throw new AppError('STEP_NOT_ALLOWED');
  if (input.payerName !== row.enterpriseName) throw new AppError('RECHARGE_PAYER_MISMATCH');
  if (row.state !== 'awaiting_bank') {
    const option = (await enterpriseMethodOffer(ctx, row, now)).options.find((o) => o.method === 'recharge');
    if (!option?.available) {
      await appendAudit(ctx.db, { at: now, action: 'limit.method_refused', actorAccountId: accountId, accountId, data: { method: 'recharge' } });
      throw new AppError('METHOD_UNAVAILABLE', { reason: { code: option?.reason ?? NOT_BUSINESS_NOTICE } });
    }
  }

  const receiving = await getReceivingAccount(ctx.channelTransport);
  const calendar = await getBusinessCalendar(ctx.db);
  const deadline = addBusinessDays(calendar, now, RECHARGE_VALID_BUSINESS_DAYS);
  const remindAt = addBusinessDays(calendar, now, RECHARGE_VALID_BUSINESS_DAYS - 1);

  return ctx.db.transaction(async (tx) => {
    const enterprise = await lockOwnEnterprise(tx, accountId, row.id);
    if (enterprise.state === 'awaiting_bank' && enterprise.method === 'recharge') {
      const open = await lockOpenRechargeOf(tx, enterprise.id);
      if (open) return { rechargeId: open.id };
    }
    if (enterprise.state !== 'draft' && enterprise.state !== 'awaiting_channel') throw new AppError('STEP_NOT_ALLOWED');
    if (enterprise.enterpriseName !== input.payerName) throw new AppError('RECHARGE_PAYER_MISMATCH');

    const amountFen = drawMicroAmount(randomInt, new Set(await openRechargeAmounts(tx)));
    const recharge = await insertRecharge(tx, {
      accountId,
      enterpriseVerificationId: enterprise.id,
      state: 'awaiting_transfer',
      payerName: input.payerName,
      amountFen,
      receivingHolderName: receiving.holderName,
      receivingAccountNumber: receiving.number,
      receivingBank: receiving.bank,
      issuedAt: now,
      deadline,
      remindAt,
      createdAt: now,
      updatedAt: now,
    });
    await moveEnterprise(tx, enterprise, 'start_bank', now, { method: 'recharge', channelSessionId: null, failureCode: null });
    await appendAudit(tx, {
      at: now,
      action: 'recharge_verification.issued',
      actorAccountId: accountId,
      accountId,
      target: auditTarget('recharge_verification', recharge.id),
      // The amount itself stays out of the log: it is the secret the transfer proves.
      data: { enterpriseVerificationId: enterprise.id, deadline: deadline.toISOString() },
    });
    return { rechargeId: recharge.id };
  });
}
