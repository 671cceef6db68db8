import { findAccountById } from '@/db/queries/accounts';
import { appendAudit } from '@/db/queries/audit';
import { findEnterpriseVerification } from '@/db/queries/enterprise-verifications';
import { insertOutboxMessages } from '@/db/queries/outbox';
import { latestRechargeOf } from '@/db/queries/recharges';
import { auditTarget } from '@/lib/domain/audit';
import { beijingMinute } from '@/lib/messages/beijing-time';
import { maskMobile } from '@/lib/domain/mask';
import { formatYuan } from '@/lib/domain/money';
import { AppError } from '@/lib/errors';
import { decryptField, encryptField } from '@/lib/security/crypto';
import { createLimiter, type LimitRule } from '@/lib/security/rate-limit';
import type { ServiceContext } from '../context';
import { ENTERPRISE_CONTACT_MOBILE_CONTEXT } from '@/db/schema';
import { isUuid } from '@/lib/schemas/uuid';
import { notificationText } from '@/lib/features/notifications';
import { OUTBOX_RECIPIENT_CONTEXT } from '@/db/schema';
import { CONTACT_PHONE_CONTEXT } from '@/db/schema';

/** Each text costs money and lands on a phone: 3 an hour per account. */
export const RECEIVING_ACCOUNT_SMS_PER_HOUR: LimitRule = { name: 'recharge-receiving-sms-hour', points: 3, durationSeconds: 60 * 60 };

/**
 * 将收款方信息发送至安全手机 (R-E-RCH 1): texts 收款户名 / 收款账户 / 收款银行, the amount and
 * the deadline to the account's contact phone (联系手机; the verification's 联系人手机
 * when the account has none), through the outbox. Answers the masked number it went to.
 */
export async function sendRechargeReceivingAccount(ctx: ServiceContext, accountId: string, verificationId: string): Promise<{ sentTo: string }> {
  const now = await ctx.clock.now();
  const row = isUuid(verificationId) ? await findEnterpriseVerification(ctx.db, accountId, verificationId) : undefined;
  if (!row) throw new AppError('NOT_FOUND');
  const recharge = await latestRechargeOf(ctx.db, row.id);
  if (row.state !== 'awaiting_bank' || row.method !== 'recharge' || recharge?.state !== 'awaiting_transfer') throw new AppError('STEP_NOT_ALLOWED');
  if (!(await createLimiter(ctx.db, RECEIVING_ACCOUNT_SMS_PER_HOUR).take(accountId)).allowed) {
    await appendAudit(ctx.db, { at: now, action: 'limit.recharge_sms', actorAccountId: accountId, accountId, data: { rule: RECEIVING_ACCOUNT_SMS_PER_HOUR.name } });
    throw new AppError('RATE_LIMITED');
  }
  const account = await findAccountById(ctx.db, accountId);
  const mobile = account?.contactPhoneEnc
    ? decryptField(account.contactPhoneEnc, CONTACT_PHONE_CONTEXT)
    : decryptField(row.contactMobileEnc, ENTERPRISE_CONTACT_MOBILE_CONTEXT);
  const event = {
    kind: 'recharge_receiving_account' as const,
    holderName: recharge.receivingHolderName,
    accountNumber: recharge.receivingAccountNumber,
    bank: recharge.receivingBank,
    amount: formatYuan(recharge.amountFen),
    deadline: beijingMinute(recharge.deadline),
  };
  await ctx.db.transaction(async (tx) => {
    await insertOutboxMessages(tx, [
      { accountId, kind: 'sms', toEnc: encryptField(mobile, OUTBOX_RECIPIENT_CONTEXT), event: event.kind, subject: null, body: notificationText(event).short, createdAt: now, nextAttemptAt: now },
    ]);
    await appendAudit(tx, { at: now, action: 'recharge_verification.details_texted', actorAccountId: accountId, accountId, target: auditTarget('recharge_verification', recharge.id), data: { to: maskMobile(mobile) } });
  });
  return { sentTo: maskMobile(mobile) };
}
