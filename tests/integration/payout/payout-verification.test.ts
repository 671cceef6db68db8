import { text } from '@/lib/messages';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { findCurrentSubject } from '@/db/queries/subjects';
import { enterpriseVerifications, payoutVerifications, reviewCases, siteMessages, outboxMessages } from '@/db/schema';
import { decideReviewCase } from '@/lib/features/review/decide-review-case';
import { checkPayoutAmount } from '@/lib/features/payout/check-payout-amount';
import { expireDuePayouts } from '@/lib/features/payout/expire-due-payouts';
import { getAccountOverview } from '@/lib/features/overview/get-account-overview';
import { getPayoutPage, getPayoutStatus } from '@/lib/features/payout/get-payout-verification';
import { leavePayoutVerification } from '@/lib/features/payout/leave-payout-verification';
import { resubmitPayoutBankDetails } from '@/lib/features/payout/resubmit-payout-bank-details';
import { resubmitReviewCase } from '@/lib/features/review/resubmit-review-case';
import { sendApprovedPayouts } from '@/lib/features/payout/send-approved-payouts';
import { payoutBankSchema } from '@/lib/schemas/payout';
import { startPayoutOperatorCheck } from '@/lib/features/payout/start-payout-operator-check';
import { auditRows, channelTestDatabase, deliver, freezeTime, moveTime, serviceContext, signedDelivery } from '../channels/support';
import { databaseSnapshot } from '../support/database-snapshot';
import { expectAppError } from '../support/expect-error';
import { newStaff } from '../support/factories';
import type { TestDatabase } from '../support/test-db';
import {
  approvedPayout,
  arrivedPayout,
  failed,
  operatorPassed,
  payoutChannels,
  payoutRow,
  payoutsOf,
  dyingAt,
  OPERATOR,
  settled,
  submittedPayout,
  type PayoutChannels,
} from './support';

let t: TestDatabase;
let channels: PayoutChannels;
const ctx = () => serviceContext(t.db, channels.fetch);
const NOW = '2026-11-27T02:00:00.000Z'; // a Friday, 10:00 in Beijing
const DAY = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  t = await channelTestDatabase();
});
afterAll(async () => t.close());
beforeEach(() => {
  freezeTime(NOW);
  channels = payoutChannels();
});
afterEach(() => vi.useRealTimers());

async function enterpriseRow(id: string) {
  const [row] = await t.db.select().from(enterpriseVerifications).where(eq(enterpriseVerifications.id, id));
  return row!;
}

async function messageTitles(accountId: string) {
  const rows = await t.db.select().from(siteMessages).where(eq(siteMessages.accountId, accountId));
  return rows.map((r) => r.title);
}

describe(`corporate payout verification (R-E-PAY) — ${process.env.DATABASE_URL ? 'postgres' : 'pglite'}`, () => {
  it('runs end to end: 完成填写 → operator face → review case → approval → one payout → arrival → the right amount verifies', async () => {
    const p = await submittedPayout(t.db, channels);
    expect(await enterpriseRow(p.verificationId)).toMatchObject({ state: 'awaiting_bank', method: 'payout' });
    expect(await payoutRow(t.db, p.payoutId)).toMatchObject({ state: 'operator_check', amountFen: null });
    expect((await payoutRow(t.db, p.payoutId)).bankAccountEnc).not.toContain(p.bankAccount);

    await operatorPassed(t.db, channels, p);
    const review = await payoutRow(t.db, p.payoutId);
    expect(review).toMatchObject({ state: 'under_review', operatorName: '王经办' });
    const [kase] = await t.db.select().from(reviewCases).where(eq(reviewCases.id, review.reviewCaseId!));
    expect(kase).toMatchObject({ kind: 'payout_materials', processId: p.payoutId, state: 'open' });
    expect(kase!.registryAnswer).toMatchObject({ legalRepListed: true });

    const page = await getPayoutPage(ctx(), p.accountId);
    expect(page.payout).toMatchObject({ state: 'under_review', bankAccountMasked: `**** ${p.bankAccount.slice(-4)}`, legalRepIdNumberMasked: '1****************8' });
    expect(JSON.stringify(page)).not.toContain(p.bankAccount);

    await decideReviewCase(serviceContext(t.db), await newStaff(serviceContext(t.db)), { caseId: kase!.id, round: 1, decision: 'approve' });
    const approved = await payoutRow(t.db, p.payoutId);
    expect(approved.state).toBe('payout_pending');
    expect(approved.amountFen).toBeGreaterThanOrEqual(1);
    expect(approved.amountFen).toBeLessThanOrEqual(99);
    expect(JSON.stringify(await getPayoutPage(ctx(), p.accountId))).not.toMatch(/amountFen/);

    await sendApprovedPayouts(ctx());
    await sendApprovedPayouts(ctx());
    const [payout, ...more] = payoutsOf(channels, p.payoutId);
    expect(more).toHaveLength(0);
    expect(payout!.body).toMatchObject({ holderName: p.enterprise.name, toAccount: p.bankAccount, amountFen: approved.amountFen, reference: `${p.payoutId}:1` });

    const sent = await payoutRow(t.db, p.payoutId);
    expect(sent.bankPayoutId).toBe(payout!.payoutId);
    moveTime(DAY);
    expect((await deliver('bank', signedDelivery('bank', settled(sent)))).status).toBeLessThan(300);
    const arrived = await payoutRow(t.db, p.payoutId);
    expect(arrived).toMatchObject({ state: 'awaiting_amount' });
    expect(arrived.amountDeadline!.getTime() - arrived.arrivedAt!.getTime()).toBe(7 * DAY);

    const wrong = arrived.amountFen === 99 ? 98 : arrived.amountFen! + 1;
    expect(await checkPayoutAmount(ctx(), p.accountId, { verificationId: p.verificationId, amountFen: wrong })).toEqual({ verdict: 'wrong', chancesLeft: 1 });
    expect(await checkPayoutAmount(ctx(), p.accountId, { verificationId: p.verificationId, amountFen: arrived.amountFen! })).toEqual({ verdict: 'correct' });
    expect(await payoutRow(t.db, p.payoutId)).toMatchObject({ state: 'succeeded', chancesUsed: 1 });
    expect(await enterpriseRow(p.verificationId)).toMatchObject({ state: 'succeeded' });
    expect(await findCurrentSubject(t.db, p.accountId)).toMatchObject({ kind: 'enterprise', method: 'payout', name: p.enterprise.name });

    const titles = await messageTitles(p.accountId);
    for (const title of ['审核通过', '对公打款已发出', '对公打款已到账', '实名认证成功']) expect(titles).toContain(title);
    const outbox = await t.db.select().from(outboxMessages).where(eq(outboxMessages.accountId, p.accountId));
    for (const m of outbox) {
      expect(m.body).not.toContain(p.bankAccount);
      expect(m.body).not.toContain('110108197504120318');
    }
  });

  it('SECURITY 26: five concurrent wrong amounts use exactly two chances; a third entry, even the right one, is refused', async () => {
    const p = await arrivedPayout(t.db, channels);
    const wrong = p.amountFen === 99 ? 98 : p.amountFen + 1;
    const results = await Promise.all(
      Array.from({ length: 5 }, () => checkPayoutAmount(ctx(), p.accountId, { verificationId: p.verificationId, amountFen: wrong })),
    );
    const verdicts = results.map((r) => r.verdict).sort();
    expect(verdicts.filter((v) => v === 'wrong')).toHaveLength(1);
    expect(verdicts.filter((v) => v === 'failed')).toHaveLength(1);
    expect(verdicts.filter((v) => v === 'refused')).toHaveLength(3);
    expect(await payoutRow(t.db, p.payoutId)).toMatchObject({ state: 'failed', chancesUsed: 2, failureCode: 'payout_amount_wrong' });
    expect(await checkPayoutAmount(ctx(), p.accountId, { verificationId: p.verificationId, amountFen: p.amountFen })).toEqual({ verdict: 'refused', reason: 'no_chances' });
    expect(await enterpriseRow(p.verificationId)).toMatchObject({ state: 'failed', failureCode: 'payout_amount_wrong' });
    expect(await findCurrentSubject(t.db, p.accountId)).toBeUndefined();
    expect(await auditRows(t.db, 'payout_verification.amount_wrong', `payout_verification:${p.payoutId}`)).toHaveLength(1);
    expect(await auditRows(t.db, 'payout_verification.amount_wrong_last', `payout_verification:${p.payoutId}`)).toHaveLength(1);
  });

  it('a bank callback repeated or out of order changes nothing extra', async () => {
    const p = await approvedPayout(t.db, channels);
    await sendApprovedPayouts(ctx());
    const sent = await payoutRow(t.db, p.payoutId);
    const first = signedDelivery('bank', settled(sent));
    expect((await deliver('bank', first)).status).toBeLessThan(300);
    const arrived = await payoutRow(t.db, p.payoutId);
    // The same delivery again, the same event under a new webhook id, and a failure after the settlement.
    expect((await deliver('bank', first)).status).toBeLessThan(300);
    expect((await deliver('bank', signedDelivery('bank', settled(sent, new Date(Date.now() + DAY))))).status).toBeLessThan(300);
    expect((await deliver('bank', signedDelivery('bank', failed(sent)))).status).toBeLessThan(300);
    const after = await payoutRow(t.db, p.payoutId);
    expect(after).toMatchObject({ state: 'awaiting_amount', version: arrived.version, failureCode: null });
    expect(after.arrivedAt).toEqual(arrived.arrivedAt);
    expect((await messageTitles(p.accountId)).filter((x) => x === '对公打款已到账')).toHaveLength(1);
    expect(await auditRows(t.db, 'payout_verification.payout_arrived', `payout_verification:${p.payoutId}`)).toHaveLength(1);
    // A callback for an unknown payout changes nothing either.
    expect((await deliver('bank', signedDelivery('bank', settled({ id: crypto.randomUUID(), payoutAttempt: 1, bankPayoutId: 'pay_x' })))).status).toBeLessThan(300);
  });

  it('SECURITY 29–30: the process dies after the bank paid, before the answer was stored; the next run replays the key and the bank pays once', async () => {
    const p = await approvedPayout(t.db, channels);
    // Transactions of one run: 1 claims the rows, 2 saves the idempotency key, 3 would store the bank's answer.
    await expect(sendApprovedPayouts(dyingAt(ctx(), 3))).rejects.toThrow('process killed');
    expect(payoutsOf(channels, p.payoutId)).toHaveLength(1);
    expect(await payoutRow(t.db, p.payoutId)).toMatchObject({ state: 'payout_pending', bankPayoutId: null });

    expect((await sendApprovedPayouts(ctx())).sent).toBeGreaterThanOrEqual(1);
    const payouts = payoutsOf(channels, p.payoutId);
    expect(payouts).toHaveLength(1);
    expect(channels.payoutCalls).toBeGreaterThanOrEqual(2);
    expect(await payoutRow(t.db, p.payoutId)).toMatchObject({ bankPayoutId: payouts[0]!.payoutId });
    await sendApprovedPayouts(ctx());
    expect(payoutsOf(channels, p.payoutId)).toHaveLength(1);
  });

  it('SECURITY 30–31: the bank paid but its answer was lost (connection dropped): the payout stays pending and the retry pays once', async () => {
    const p = await approvedPayout(t.db, channels);
    channels.loseAnswer = true;
    expect((await sendApprovedPayouts(ctx())).failed).toBeGreaterThanOrEqual(1);
    expect(await payoutRow(t.db, p.payoutId)).toMatchObject({ state: 'payout_pending', bankPayoutId: null });
    channels.loseAnswer = false;
    await sendApprovedPayouts(ctx());
    const payouts = payoutsOf(channels, p.payoutId);
    expect(payouts).toHaveLength(1);
    expect(await payoutRow(t.db, p.payoutId)).toMatchObject({ bankPayoutId: payouts[0]!.payoutId });
  });

  it('a bank without delay settles before the answer was stored: the user still hears 对公打款已发出 as well as 对公打款已到账', async () => {
    const p = await approvedPayout(t.db, channels);
    channels.loseAnswer = true;
    await sendApprovedPayouts(ctx());
    channels.loseAnswer = false;
    const [paid] = payoutsOf(channels, p.payoutId);
    const row = await payoutRow(t.db, p.payoutId);
    expect(row).toMatchObject({ state: 'payout_pending', bankPayoutId: null });
    expect((await deliver('bank', signedDelivery('bank', settled({ ...row, bankPayoutId: paid!.payoutId })))).status).toBeLessThan(300);
    expect(await payoutRow(t.db, p.payoutId)).toMatchObject({ state: 'awaiting_amount', bankPayoutId: paid!.payoutId, payoutRequestedAt: expect.any(Date) });
    // 对公打款进度查询 shows 打款 done once the money arrived.
    const timeline = (await getPayoutPage(ctx(), p.accountId)).payout!.timeline;
    expect(timeline.find((e) => e.step === 'payout')).toMatchObject({ status: 'done' });
    expect(text('payout.step.payout')).toBe('打款');
    expect(await messageTitles(p.accountId)).toEqual(expect.arrayContaining(['对公打款已发出', '对公打款已到账']));
    // The retried request now finds it settled and tells nobody again.
    await sendApprovedPayouts(ctx());
    expect((await messageTitles(p.accountId)).filter((m) => m === '对公打款已发出')).toHaveLength(1);
  });

  it('two sweepers at once expire a passed amount deadline once, with the notifications; the reminder goes out once', async () => {
    const p = await arrivedPayout(t.db, channels);
    const row = await payoutRow(t.db, p.payoutId);
    // Arrived on a Friday: the deadline is the next Friday; the reminder is due on Thursday.
    moveTime(6 * DAY);
    await Promise.all([expireDuePayouts(ctx()), expireDuePayouts(ctx())]);
    await expireDuePayouts(ctx());
    expect(await auditRows(t.db, 'payout_verification.reminded', `payout_verification:${p.payoutId}`)).toHaveLength(1);

    vi.setSystemTime(row.amountDeadline!);
    const runs = await Promise.all([expireDuePayouts(ctx()), expireDuePayouts(ctx())]);
    expect(runs.reduce((n, r) => n + r.expired, 0)).toBeGreaterThanOrEqual(1);
    await expireDuePayouts(ctx());
    expect(await payoutRow(t.db, p.payoutId)).toMatchObject({ state: 'failed', failureCode: 'payout_expired' });
    expect(await enterpriseRow(p.verificationId)).toMatchObject({ state: 'failed', failureCode: 'payout_expired' });
    const titles = await messageTitles(p.accountId);
    expect(titles.filter((x) => x === '即将到期提醒')).toHaveLength(1);
    expect(titles.filter((x) => x === '已过期')).toHaveLength(1);
    expect(titles.filter((x) => x === '实名认证失败')).toHaveLength(1);
    expect(await auditRows(t.db, 'payout_verification.deadline_passed', `payout_verification:${p.payoutId}`)).toHaveLength(1);
  });

  it('shows a passed amount deadline on the page before any sweeper, writing nothing; the sweeper then applies it once', async () => {
    const p = await arrivedPayout(t.db, channels);
    moveTime(7 * DAY + 1000);
    const before = await databaseSnapshot(t.db);
    const page = await getPayoutPage(ctx(), p.accountId);
    expect(page.payout).toMatchObject({ state: 'failed' });
    expect(page.wizard.kind === 'verification' && page.wizard.verification).toMatchObject({ state: 'failed', failure: { code: 'payout_expired' } });
    expect(await getPayoutStatus(ctx(), p.accountId, p.verificationId)).toMatchObject({ state: 'failed' });
    expect(await databaseSnapshot(t.db)).toEqual(before);
    expect(await payoutRow(t.db, p.payoutId)).toMatchObject({ state: 'awaiting_amount' });

    expect((await expireDuePayouts(ctx())).expired).toBeGreaterThanOrEqual(1); // other tests' overdue runs share this database
    expect((await expireDuePayouts(ctx())).expired).toBe(0);
    expect(await payoutRow(t.db, p.payoutId)).toMatchObject({ state: 'failed', failureCode: 'payout_expired' });
    const page2 = await getPayoutPage(ctx(), p.accountId);
    expect(page2.wizard.kind === 'verification' && page2.wizard.verification).toMatchObject({ state: 'failed', failure: { code: 'payout_expired' } });
  });

  it('a step on an overdue amount applies the deadline first, in its transaction: 填写收款金额 is refused as expired', async () => {
    const p = await arrivedPayout(t.db, channels);
    moveTime(7 * DAY + 1000);
    expect(await checkPayoutAmount(ctx(), p.accountId, { verificationId: p.verificationId, amountFen: p.amountFen })).toEqual({ verdict: 'refused', reason: 'expired' });
    expect(await payoutRow(t.db, p.payoutId)).toMatchObject({ state: 'failed', failureCode: 'payout_expired' });
    expect((await expireDuePayouts(ctx())).expired).toBe(0);
  });

  it('SPEC §2: 账号信息 reads 审核中 while the payout materials wait for a reviewer, 未实名 before and after', async () => {
    const p = await submittedPayout(t.db, channels);
    expect((await getAccountOverview(ctx(), p.accountId)).status).toBe('unverified');
    await operatorPassed(t.db, channels, p);
    expect(await getAccountOverview(ctx(), p.accountId)).toMatchObject({ status: 'in_review' });
    const row = await payoutRow(t.db, p.payoutId);
    const reviewer = await newStaff(serviceContext(t.db));
    await decideReviewCase(serviceContext(t.db), reviewer, { caseId: row.reviewCaseId!, round: 1, decision: 'approve' });
    expect((await getAccountOverview(ctx(), p.accountId)).status).toBe('unverified');
  });

  it('a rejection, then the user replaces the rejected items on the review case: the payout is under review again with the new account', async () => {
    const p = await submittedPayout(t.db, channels);
    await operatorPassed(t.db, channels, p);
    const row = await payoutRow(t.db, p.payoutId);
    const reviewer = await newStaff(serviceContext(t.db));
    await decideReviewCase(serviceContext(t.db), reviewer, {
      caseId: row.reviewCaseId!,
      round: 1,
      decision: 'reject',
      reasons: [{ itemKey: 'bank_account_number', code: 'bank_account_invalid' }],
    });
    expect(await payoutRow(t.db, p.payoutId)).toMatchObject({ state: 'rejected' });
    expect(await messageTitles(p.accountId)).toContain('审核未通过');

    await resubmitReviewCase({ ...ctx() }, p.accountId, { caseId: row.reviewCaseId!, round: 1, values: { bank_account_number: '6222 0202 0011 2233 445' }, files: {} });
    const again = await payoutRow(t.db, p.payoutId);
    expect(again.state).toBe('under_review');
    expect((await getPayoutPage(ctx(), p.accountId)).payout?.bankAccountMasked).toBe('**** 3445');

    await decideReviewCase(serviceContext(t.db), reviewer, { caseId: row.reviewCaseId!, round: 2, decision: 'approve' });
    expect(await payoutRow(t.db, p.payoutId)).toMatchObject({ state: 'payout_pending', payoutAttempt: 1 });
  });

  it('打款失败 (holder name ≠ 企业名称): the user corrects the bank details, a new review approves, a new payout goes out', async () => {
    const p = await approvedPayout(t.db, channels);
    await sendApprovedPayouts(ctx());
    const sent = await payoutRow(t.db, p.payoutId);
    expect((await deliver('bank', signedDelivery('bank', failed(sent)))).status).toBeLessThan(300);
    expect(await payoutRow(t.db, p.payoutId)).toMatchObject({ state: 'payout_failed', failureCode: 'holder_name_mismatch' });
    expect(text((await getPayoutPage(ctx(), p.accountId)).payout!.bankFailure!)).toBe('收款账户户名与企业名称不一致');
    expect(await messageTitles(p.accountId)).toContain('对公打款失败');
    // A late settlement of the failed attempt changes nothing.
    await deliver('bank', signedDelivery('bank', settled(sent)));
    expect((await payoutRow(t.db, p.payoutId)).state).toBe('payout_failed');

    const corrected = payoutBankSchema.parse({ bankAccount: '6222000011112222', bankName: '中国工商银行', bankProvince: '31', bankCity: '3101', bankBranch: '工商银行浦东支行' });
    const { reviewCaseId } = await resubmitPayoutBankDetails(ctx(), p.accountId, { ...corrected, verificationId: p.verificationId });
    expect(await payoutRow(t.db, p.payoutId)).toMatchObject({ state: 'under_review', reviewCaseId, amountFen: null, bankPayoutId: null });
    await decideReviewCase(serviceContext(t.db), p.reviewer, { caseId: reviewCaseId, round: 1, decision: 'approve' });
    await sendApprovedPayouts(ctx());
    const second = await payoutRow(t.db, p.payoutId);
    expect(second).toMatchObject({ state: 'payout_pending', payoutAttempt: 2 });
    expect(payoutsOf(channels, p.payoutId)).toHaveLength(2);
    expect(payoutsOf(channels, p.payoutId)[1]!.body).toMatchObject({ toAccount: '6222000011112222', reference: `${p.payoutId}:2`, bank: '中国工商银行' });
    // The first attempt's settlement, arriving now, is not the current attempt's.
    await deliver('bank', signedDelivery('bank', settled(sent)));
    expect((await payoutRow(t.db, p.payoutId)).state).toBe('payout_pending');
    await deliver('bank', signedDelivery('bank', settled(second)));
    expect((await payoutRow(t.db, p.payoutId)).state).toBe('awaiting_amount');
  });

  it('the operator face fails: the check stays open to try again; 撤销审核 cancels the case and frees the method; an approved payout cannot be left', async () => {
    const p = await submittedPayout(t.db, channels);
    // SECURITY 17: no face session for the operator without the face consent.
    await expectAppError(startPayoutOperatorCheck(ctx(), p.accountId, { ...OPERATOR, consent: undefined, verificationId: p.verificationId }), 'CONSENT_REQUIRED');
    await operatorPassed(t.db, channels, p, 'face_mismatch');
    expect(await payoutRow(t.db, p.payoutId)).toMatchObject({ state: 'operator_check', failureCode: 'operator_face_mismatch' });
    expect(text((await getPayoutPage(ctx(), p.accountId)).payout!.operatorFailure!)).toContain('人像比对不一致');
    await operatorPassed(t.db, channels, p);
    const row = await payoutRow(t.db, p.payoutId);
    expect(row.state).toBe('under_review');

    await leavePayoutVerification(ctx(), p.accountId, p.verificationId);
    expect(await payoutRow(t.db, p.payoutId)).toMatchObject({ state: 'cancelled' });
    const [kase] = await t.db.select().from(reviewCases).where(eq(reviewCases.id, row.reviewCaseId!));
    expect(kase!.state).toBe('cancelled');
    expect(await enterpriseRow(p.verificationId)).toMatchObject({ state: 'draft', method: null });

    const q = await approvedPayout(t.db, channels);
    await expectAppError(leavePayoutVerification(ctx(), q.accountId, q.verificationId), 'STEP_NOT_ALLOWED');
    expect((await t.db.select().from(payoutVerifications).where(eq(payoutVerifications.id, q.payoutId)))[0]!.state).toBe('payout_pending');
  });
});
