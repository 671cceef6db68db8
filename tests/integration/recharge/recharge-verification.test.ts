import { text } from '@/lib/messages';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { verifyAuditChain } from '@/db/queries/audit';
import { findCurrentSubject } from '@/db/queries/subjects';
import { outboxMessages, siteMessages } from '@/db/schema';
import { cancelEnterpriseVerification } from '@/lib/features/enterprise/cancel-enterprise-verification';
import { expireDueRecharges } from '@/lib/features/recharge/expire-due-recharges';
import { getBalance } from '@/lib/features/account/get-balance';
import { getRechargePage } from '@/lib/features/recharge/get-recharge-page';
import { leaveRechargeVerification } from '@/lib/features/recharge/leave-recharge-verification';
import { retryEnterpriseVerification } from '@/lib/features/enterprise/retry-enterprise-verification';
import { sendDueBankReturns } from '@/lib/features/payout/send-due-bank-returns';
import { sendRechargeReceivingAccount } from '@/lib/features/recharge/send-recharge-receiving-account';
import { startRechargeVerification } from '@/lib/features/recharge/start-recharge-verification';
import { withdrawBalance } from '@/lib/features/account/withdraw-balance';
import { auditRows, channelTestDatabase, freezeTime, moveTime, serviceContext } from '../channels/support';
import { databaseSnapshot } from '../support/database-snapshot';
import { expectAppError } from '../support/expect-error';
import type { TestDatabase } from '../support/test-db';
import {
  awaitingRecharge,
  balanceRows,
  bankCallback,
  draftVerification,
  enterpriseRow,
  fakeBank,
  otherAmount,
  RECEIVING,
  rechargeRow,
  transferEvent,
  transferRow,
  type FakeBank,
} from './support';

let t: TestDatabase;
let bank: FakeBank;
const NOW = '2026-11-24T02:00:00.000Z'; // a Tuesday, 10:00 in Beijing
const ctx = () => serviceContext(t.db, bank.fetch);

beforeAll(async () => {
  t = await channelTestDatabase();
});
afterAll(async () => t.close());
beforeEach(async () => {
  freezeTime(NOW);
  // Refunds and withdrawals queued by earlier tests go to a bank of their own: each test counts its own.
  await sendDueBankReturns(serviceContext(t.db, fakeBank().fetch));
  bank = fakeBank();
});
afterEach(() => vi.useRealTimers());

async function siteTitles(accountId: string) {
  return (await t.db.select().from(siteMessages).where(eq(siteMessages.accountId, accountId))).map((m) => m.title);
}

describe('确认并校验 (R-E-RCH 1–2)', () => {
  it('refuses a 付款账户 other than 企业名称 on its field, and issues nothing', async () => {
    const v = await draftVerification(t.db, bank, new Date(NOW));
    const error = await expectAppError(startRechargeVerification(ctx(), v.accountId, { verificationId: v.verificationId, payerName: `${v.enterpriseName}分公司` }), 'RECHARGE_PAYER_MISMATCH');
    expect(error.code).toBe('RECHARGE_PAYER_MISMATCH');
    expect((await enterpriseRow(t.db, v.verificationId)).state).toBe('draft');
  });

  it('issues ¥0.01–¥0.99 for 7 business days, shows the receiving account, and answers a double submit with the same amount', async () => {
    const v = await draftVerification(t.db, bank, new Date(NOW));
    const input = { verificationId: v.verificationId, payerName: v.enterpriseName };
    const [a, b] = await Promise.all([startRechargeVerification(ctx(), v.accountId, input), startRechargeVerification(ctx(), v.accountId, input)]);
    expect(a.rechargeId).toBe(b.rechargeId);
    const recharge = await rechargeRow(t.db, a.rechargeId);
    expect(recharge.amountFen).toBeGreaterThanOrEqual(1);
    expect(recharge.amountFen).toBeLessThanOrEqual(99);
    expect(Number.isInteger(recharge.amountFen)).toBe(true);
    // Tue 24 Nov 2026 10:00 + 7 business days = Thu 3 Dec 10:00 (Beijing).
    expect(recharge.deadline.toISOString()).toBe('2026-12-03T02:00:00.000Z');
    expect(await enterpriseRow(t.db, v.verificationId)).toMatchObject({ state: 'awaiting_bank', method: 'recharge' });

    const page = await getRechargePage(ctx(), v.accountId);
    expect(page.kind).toBe('awaiting');
    if (page.kind !== 'awaiting') return;
    expect(page.recharge).toMatchObject({
      amountFen: recharge.amountFen,
      receiving: { holderName: RECEIVING.holderName, accountNumber: RECEIVING.number, bank: RECEIVING.bank },
      chancesLeft: 2,
      chances: 2,
    });
  });

  it('texts the receiving details to the contact phone, 3 times an hour at most', async () => {
    const r = await awaitingRecharge(t.db, bank, new Date(NOW));
    for (let i = 0; i < 3; i += 1) expect((await sendRechargeReceivingAccount(ctx(), r.accountId, r.verificationId)).sentTo).toBe('138****5678');
    await expectAppError(sendRechargeReceivingAccount(ctx(), r.accountId, r.verificationId), 'RATE_LIMITED');
    const sms = (await t.db.select().from(outboxMessages).where(eq(outboxMessages.accountId, r.accountId))).filter((m) => m.event === 'recharge_receiving_account');
    expect(sms).toHaveLength(3);
    expect(sms[0]!.kind).toBe('sms');
    expect(sms[0]!.body).toContain(RECEIVING.number);
    expect(sms[0]!.body).toContain(`¥0.${String(r.recharge.amountFen).padStart(2, '0')}`);
  });
});

describe('incoming transfers (R-E-RCH 3–4)', () => {
  it('completes the verification on the right payer and amount, and credits the balance with the paying account', async () => {
    const r = await awaitingRecharge(t.db, bank, new Date(NOW));
    expect(await bankCallback(transferEvent({ transferId: 'tr_match_1', fromName: r.enterpriseName, amountFen: r.recharge.amountFen }))).toBe(204);

    expect((await rechargeRow(t.db, r.rechargeId)).state).toBe('succeeded');
    expect((await enterpriseRow(t.db, r.verificationId)).state).toBe('succeeded');
    expect(await findCurrentSubject(t.db, r.accountId)).toMatchObject({ kind: 'enterprise', method: 'recharge', name: r.enterpriseName });
    expect(await getBalance(ctx(), r.accountId)).toMatchObject({
      balanceFen: r.recharge.amountFen,
      entries: [{ kind: 'recharge_credit', amountFen: r.recharge.amountFen, holderName: r.enterpriseName, bankAccountMasked: '**** 3445', withdrawableFen: r.recharge.amountFen }],
    });
    expect((await transferRow(t.db, 'tr_match_1'))!.refundState).toBeNull();
    expect(await siteTitles(r.accountId)).toContain('实名认证成功');
    expect((await getRechargePage(ctx(), r.accountId)).kind).toBe('succeeded');
  });

  it('refunds a wrong amount once through the bank and uses one chance', async () => {
    const r = await awaitingRecharge(t.db, bank, new Date(NOW));
    await bankCallback(transferEvent({ transferId: 'tr_wrong_amount', fromName: r.enterpriseName, amountFen: otherAmount(r.recharge.amountFen) }));

    expect(await rechargeRow(t.db, r.rechargeId)).toMatchObject({ state: 'awaiting_transfer', chancesUsed: 1 });
    const transfer = (await transferRow(t.db, 'tr_wrong_amount'))!;
    expect(transfer).toMatchObject({ verdict: 'wrong_amount', refundState: 'pending', rechargeId: r.rechargeId });
    expect(transfer.payerAccountEnc).not.toContain('6222020200112233445');
    expect(await siteTitles(r.accountId)).toContain('充值认证转账已退回');

    expect((await sendDueBankReturns(ctx())).refunds.requested).toBe(1);
    expect((await sendDueBankReturns(ctx())).refunds.requested).toBe(0);
    const refundCalls = bank.bankCalls.filter((c) => c.path === 'refunds');
    expect(refundCalls).toHaveLength(1);
    expect(refundCalls[0]!.body).toEqual({ reference: transfer.id, transferId: 'tr_wrong_amount' });
    expect((await transferRow(t.db, 'tr_wrong_amount'))!.refundState).toBe('requested');

    const page = await getRechargePage(ctx(), r.accountId);
    if (page.kind !== 'awaiting') throw new Error(page.kind);
    expect(page.recharge.chancesLeft).toBe(1);
    expect(page.recharge.wrongTransfers).toMatchObject([{ amountFen: otherAmount(r.recharge.amountFen), payerName: r.enterpriseName, reason: 'recharge.attempt.amount', refundLabel: 'recharge.refund.pending' }]);
    expect([text(page.recharge.wrongTransfers[0]!.reason!), text(page.recharge.wrongTransfers[0]!.refundLabel)]).toEqual(['金额不符', '退款中']);

    const { refundId } = bank.refunds.get('tr_wrong_amount')!;
    await bankCallback({ type: 'refund.settled', data: { refundId, reference: transfer.id, arrivedAt: new Date().toISOString() } });
    expect((await transferRow(t.db, 'tr_wrong_amount'))!.refundState).toBe('settled');
  });

  it('refunds a transfer from another payer name with the issued amount, using a chance', async () => {
    const r = await awaitingRecharge(t.db, bank, new Date(NOW));
    await bankCallback(transferEvent({ transferId: 'tr_wrong_payer', fromName: '某某个人', amountFen: r.recharge.amountFen }));
    expect(await rechargeRow(t.db, r.rechargeId)).toMatchObject({ state: 'awaiting_transfer', chancesUsed: 1 });
    expect(await transferRow(t.db, 'tr_wrong_payer')).toMatchObject({ verdict: 'wrong_payer', refundState: 'pending' });
    expect((await enterpriseRow(t.db, r.verificationId)).state).toBe('awaiting_bank');
  });

  it('fails after two wrong transfers, both refunded; a restart issues a new recharge', async () => {
    const r = await awaitingRecharge(t.db, bank, new Date(NOW));
    const wrong = otherAmount(r.recharge.amountFen);
    await bankCallback(transferEvent({ transferId: 'tr_two_1', fromName: r.enterpriseName, amountFen: wrong }));
    await bankCallback(transferEvent({ transferId: 'tr_two_2', fromName: r.enterpriseName, amountFen: wrong }));

    expect(await rechargeRow(t.db, r.rechargeId)).toMatchObject({ state: 'failed', chancesUsed: 2, failureCode: 'recharge_chances_used' });
    expect(await enterpriseRow(t.db, r.verificationId)).toMatchObject({ state: 'failed', failure_code: 'recharge_chances_used' });
    expect((await sendDueBankReturns(ctx())).refunds.requested).toBe(2);
    expect(await siteTitles(r.accountId)).toContain('实名认证失败');
    const page = await getRechargePage(ctx(), r.accountId);
    expect(page.kind).toBe('failed');

    // 重试 (same_method) → a draft that keeps the method; 确认并校验 then issues a fresh recharge.
    const { verificationId } = await retryEnterpriseVerification(ctx(), r.accountId, r.verificationId, 'same_method');
    expect((await getRechargePage(ctx(), r.accountId)).kind).toBe('confirm');
    const again = await startRechargeVerification(ctx(), r.accountId, { verificationId, payerName: r.enterpriseName });
    expect(again.rechargeId).not.toBe(r.rechargeId);
    expect(await rechargeRow(t.db, again.rechargeId)).toMatchObject({ state: 'awaiting_transfer', chancesUsed: 0 });
  });

  it('changes nothing on a repeated transfer callback, even under a new webhook-id', async () => {
    const r = await awaitingRecharge(t.db, bank, new Date(NOW));
    const event = transferEvent({ transferId: 'tr_repeat', fromName: r.enterpriseName, amountFen: otherAmount(r.recharge.amountFen) });
    await bankCallback(event);
    await bankCallback(event); // a new webhook-id each time
    await bankCallback(event, 'msg_fixed');
    await bankCallback(event, 'msg_fixed');
    expect(await rechargeRow(t.db, r.rechargeId)).toMatchObject({ state: 'awaiting_transfer', chancesUsed: 1 });
    const transfer = (await transferRow(t.db, 'tr_repeat'))!;
    expect(await auditRows(t.db, 'incoming_transfer.refund_queued', `incoming_transfer:${transfer.id}`)).toHaveLength(1);
    expect(await auditRows(t.db, 'recharge_verification.transfer_wrong', `recharge_verification:${r.rechargeId}`)).toHaveLength(1);
    expect((await sendDueBankReturns(ctx())).refunds.requested).toBe(1);
    expect(bank.bankCalls.filter((c) => c.path === 'refunds' && c.body?.transferId === 'tr_repeat')).toHaveLength(1);
  });

  it('refunds, without a chance, a transfer no open recharge can be for, and one for a recharge that was left', async () => {
    const r = await awaitingRecharge(t.db, bank, new Date(NOW));
    await leaveRechargeVerification(ctx(), r.accountId, r.verificationId);
    expect((await rechargeRow(t.db, r.rechargeId)).state).toBe('cancelled');
    expect((await enterpriseRow(t.db, r.verificationId)).state).toBe('draft');
    await bankCallback(transferEvent({ transferId: 'tr_after_leave', fromName: r.enterpriseName, amountFen: r.recharge.amountFen }));
    expect(await transferRow(t.db, 'tr_after_leave')).toMatchObject({ verdict: 'unattributed', refundState: 'pending', rechargeId: null });
    expect((await rechargeRow(t.db, r.rechargeId)).chancesUsed).toBe(0);
    expect(await balanceRows(t.db, r.accountId)).toHaveLength(0);
  });

  it('ends the recharge when the verification is cancelled (撤销)', async () => {
    const r = await awaitingRecharge(t.db, bank, new Date(NOW));
    await cancelEnterpriseVerification(ctx(), r.accountId, r.verificationId);
    expect((await rechargeRow(t.db, r.rechargeId)).state).toBe('cancelled');
  });
});

describe('refunds through the bank (SECURITY 30–31)', () => {
  it('keeps a refund pending on a 5xx or a timeout and sends the same key next tick', async () => {
    const r = await awaitingRecharge(t.db, bank, new Date(NOW));
    await bankCallback(transferEvent({ transferId: 'tr_5xx', fromName: r.enterpriseName, amountFen: otherAmount(r.recharge.amountFen) }));
    bank.bankScript.push(() => Response.json({ error: { code: 'unavailable' } }, { status: 503 }));
    expect((await sendDueBankReturns(ctx())).refunds).toEqual({ requested: 0, retry: 1, failed: 0 });
    expect((await transferRow(t.db, 'tr_5xx'))!.refundState).toBe('pending');
    expect((await sendDueBankReturns(ctx())).refunds.requested).toBe(1);
    const calls = bank.bankCalls.filter((c) => c.path === 'refunds' && c.body?.transferId === 'tr_5xx');
    expect(calls).toHaveLength(2);
    expect(calls[0]!.key).toBe(calls[1]!.key);
  });

  it('counts a 409 already_refunded as done', async () => {
    const r = await awaitingRecharge(t.db, bank, new Date(NOW));
    await bankCallback(transferEvent({ transferId: 'tr_409', fromName: r.enterpriseName, amountFen: otherAmount(r.recharge.amountFen) }));
    bank.bankScript.push(() => Response.json({ error: { code: 'already_refunded' } }, { status: 409 }));
    expect((await sendDueBankReturns(ctx())).refunds.requested).toBe(1);
    expect((await transferRow(t.db, 'tr_409'))!.refundState).toBe('requested');
  });

  it('ignores a refund.settled for a refund it never recorded, and a repeated one', async () => {
    const r = await awaitingRecharge(t.db, bank, new Date(NOW));
    // The bank's settlement of a refund arrives before the transfer it returns was recorded here.
    await bankCallback({ type: 'refund.settled', data: { refundId: 'rf_early', reference: r.rechargeId, arrivedAt: new Date().toISOString() } });
    // And one for the transfer that matched (nothing to refund).
    await bankCallback(transferEvent({ transferId: 'tr_kept', fromName: r.enterpriseName, amountFen: r.recharge.amountFen }));
    const kept = (await transferRow(t.db, 'tr_kept'))!;
    await bankCallback({ type: 'refund.settled', data: { refundId: 'rf_kept', reference: kept.id, arrivedAt: new Date().toISOString() } });
    expect((await transferRow(t.db, 'tr_kept'))!.refundState).toBeNull();
    expect(await balanceRows(t.db, r.accountId)).toHaveLength(1);
    const ignored = (await auditRows(t.db, 'channel_event.ignored')).map((a) => (a.data as { reason?: string }).reason);
    expect(ignored).toEqual(expect.arrayContaining(['unknown_reference', 'refund_not_requested']));
  });
});

describe('the deadline (R-E-RCH 2, SPEC §8)', () => {
  it('runs 7 business days across National Day, reminds once a business day before, and expires once with two sweepers', async () => {
    freezeTime('2026-09-29T02:00:00.000Z'); // Tue 29 Sep 2026, 10:00 Beijing
    const r = await awaitingRecharge(t.db, bank, new Date());
    expect(r.recharge.deadline.toISOString()).toBe('2026-10-14T02:00:00.000Z'); // Wed 14 Oct, 10:00
    const page = await getRechargePage(ctx(), r.accountId);
    if (page.kind !== 'awaiting') throw new Error(page.kind);
    expect(page.recharge.deadline.toISOString()).toBe('2026-10-14T02:00:00.000Z');

    freezeTime('2026-10-13T02:00:00.000Z');
    const reminders = await Promise.all([expireDueRecharges(ctx()), expireDueRecharges(ctx())]);
    expect(reminders.reduce((n, x) => n + x.reminded, 0)).toBe(1);
    expect(await expireDueRecharges(ctx())).toEqual({ expired: 0, reminded: 0 });
    expect(await siteTitles(r.accountId)).toContain('即将到期提醒');

    freezeTime('2026-10-14T01:59:00.000Z');
    expect((await expireDueRecharges(ctx())).expired).toBe(0);
    moveTime(60_000);
    const runs = await Promise.all([expireDueRecharges(ctx()), expireDueRecharges(ctx())]);
    expect(runs.reduce((n, x) => n + x.expired, 0)).toBe(1);
    expect(await rechargeRow(t.db, r.rechargeId)).toMatchObject({ state: 'expired', failureCode: 'recharge_expired' });
    expect(await enterpriseRow(t.db, r.verificationId)).toMatchObject({ state: 'failed', failure_code: 'recharge_expired' });
    expect(await auditRows(t.db, 'recharge_verification.deadline_passed', `recharge_verification:${r.rechargeId}`)).toHaveLength(1);
    expect(await siteTitles(r.accountId)).toContain('已过期');
  });

  it('shows a passed deadline on the page before any sweeper, writing nothing; the sweeper then applies it once', async () => {
    const r = await awaitingRecharge(t.db, bank, new Date(NOW));
    freezeTime(new Date(r.recharge.deadline.getTime() + 1000));
    const before = await databaseSnapshot(t.db);
    const page = await getRechargePage(ctx(), r.accountId);
    expect(page.kind).toBe('failed');
    if (page.kind === 'failed') {
      expect(page.verification.failure?.code).toBe('recharge_expired');
      expect(page.recharge).toMatchObject({ id: r.rechargeId, state: 'expired' });
    }
    expect(await databaseSnapshot(t.db)).toEqual(before);
    expect((await rechargeRow(t.db, r.rechargeId)).state).toBe('awaiting_transfer');
    // The sweeper writes it (with other tests' overdue recharges in this database), once.
    expect((await expireDueRecharges(ctx())).expired).toBeGreaterThanOrEqual(1);
    expect((await expireDueRecharges(ctx())).expired).toBe(0);
    expect(await rechargeRow(t.db, r.rechargeId)).toMatchObject({ state: 'expired', failureCode: 'recharge_expired' });
    const swept = await getRechargePage(ctx(), r.accountId);
    expect(swept.kind === 'failed' && swept.verification.failure?.code).toBe('recharge_expired');
    // A transfer after the deadline is refunded, not matched.
    await bankCallback(transferEvent({ transferId: 'tr_late', fromName: r.enterpriseName, amountFen: r.recharge.amountFen }));
    expect(await transferRow(t.db, 'tr_late')).toMatchObject({ verdict: 'unattributed', refundState: 'pending' });
  });
});

describe('原路提现 (R-E-RCH 3)', () => {
  async function credited() {
    const r = await awaitingRecharge(t.db, bank, new Date(NOW));
    await bankCallback(transferEvent({ transferId: `tr_credit_${r.rechargeId}`, fromAccount: '6222020200998877665', fromName: r.enterpriseName, amountFen: r.recharge.amountFen }));
    const [credit] = await balanceRows(t.db, r.accountId);
    return { ...r, credit: credit! };
  }

  it('makes one withdrawal of a double click, back to the paying account, then settles it', async () => {
    const r = await credited();
    const results = await Promise.allSettled([withdrawBalance(ctx(), r.accountId, r.credit.id), withdrawBalance(ctx(), r.accountId, r.credit.id)]);
    expect(results.filter((x) => x.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((x) => x.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason.code).toBe('BALANCE_NOTHING_TO_WITHDRAW');
    expect((await getBalance(ctx(), r.accountId)).balanceFen).toBe(0);

    expect((await sendDueBankReturns(ctx())).withdrawals.requested).toBe(1);
    expect((await sendDueBankReturns(ctx())).withdrawals.requested).toBe(0);
    const calls = bank.bankCalls.filter((c) => c.path === 'withdrawals');
    expect(calls).toHaveLength(1);
    const withdrawal = (await balanceRows(t.db, r.accountId)).find((e) => e.kind === 'withdrawal')!;
    expect(calls[0]!.body).toEqual({ reference: withdrawal.id, toAccount: '6222020200998877665', holderName: r.enterpriseName, amountFen: r.recharge.amountFen });

    const { withdrawalId } = [...bank.withdrawals.values()][0]!;
    const settled = { type: 'withdrawal.settled', data: { withdrawalId, reference: withdrawal.id, arrivedAt: new Date().toISOString() } };
    await bankCallback(settled);
    await bankCallback(settled);
    const view = await getBalance(ctx(), r.accountId);
    expect(view.entries.find((e) => e.kind === 'withdrawal')).toMatchObject({ kind: 'withdrawal', state: 'settled' });
    expect((await siteTitles(r.accountId)).filter((x) => x === '原路提现已到账')).toHaveLength(1);
    expect(await auditRows(t.db, 'balance.withdrawal_settled', `balance_entry:${withdrawal.id}`)).toHaveLength(1);
  });

  it('gives a withdrawal the bank refuses (422) back to the balance, with a Chinese reason', async () => {
    const r = await credited();
    await withdrawBalance(ctx(), r.accountId, r.credit.id);
    bank.bankScript.push(() => Response.json({ error: { code: 'holder_name_mismatch', field: 'holderName' } }, { status: 422 }));
    expect((await sendDueBankReturns(ctx())).withdrawals.failed).toBe(1);
    const view = await getBalance(ctx(), r.accountId);
    expect(view.balanceFen).toBe(r.recharge.amountFen);
    expect(view.entries.find((e) => e.kind === 'withdrawal')).toMatchObject({ state: 'failed', failure: 'holder_name_mismatch' });
    expect(text(`balance.withdrawalFailed.${view.entries.find((e) => e.kind === 'withdrawal')!.failure!}`)).toContain('户名');
    expect(view.entries.find((e) => e.kind === 'recharge_credit')!.withdrawableFen).toBe(r.recharge.amountFen);
    // and it can be asked again
    await withdrawBalance(ctx(), r.accountId, r.credit.id);
    expect((await getBalance(ctx(), r.accountId)).balanceFen).toBe(0);
  });

  it('keeps the audit chain intact', async () => {
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });
});
