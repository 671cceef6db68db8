import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { payoutVerifications } from '@/db/schema';
import { consentValue } from '@/lib/domain/consent';
import { payoutDetailsSchema } from '@/lib/schemas/payout';
import { decideReviewCase } from '@/lib/features/review/decide-review-case';
import { sendApprovedPayouts } from '@/lib/features/payout/send-approved-payouts';
import { startEnterpriseVerification } from '@/lib/features/enterprise/start-enterprise-verification';
import { startPayoutOperatorCheck } from '@/lib/features/payout/start-payout-operator-check';
import { submitPayoutDetails } from '@/lib/features/payout/submit-payout-details';
import { deliver, serviceContext, sessionRow, signedDelivery } from '../channels/support';
import { faceCompleted, fakeChannels, type FakeChannels } from '../enterprise/support';
import { enterpriseInfo, licenceUpload, newAccount, newStaff, REGISTRY_LEGAL_REP, registryEnterprise } from '../support/factories';

export const today = { year: 2026, month: 11, day: 27 };
export const OPERATOR = { operatorName: '王经办', operatorIdNumber: '310104198511220241', consent: consentValue('face') };

/** A payout the fake bank accepted: one per idempotency key, as the simulator bank (lib/simulators/http/idempotency.ts). */
export interface FakePayout {
  payoutId: string;
  key: string;
  body: { reference: string; toAccount: string; holderName: string; bank: string; amountFen: number };
}

export interface PayoutChannels extends FakeChannels {
  /** The bank's corporate accounts: number → holder name. */
  bankAccounts: Map<string, string>;
  /** Payouts the bank made (effects), by idempotency key. */
  payouts: Map<string, FakePayout>;
  payoutCalls: number;
  /** When set, the bank pays and then the connection drops: the answer never reaches the product. */
  loseAnswer?: boolean;
}

/** The enterprise fake channels, plus a bank that pays once per idempotency key. */
export function payoutChannels(): PayoutChannels {
  const base = fakeChannels();
  const channels: PayoutChannels = Object.assign(base, { bankAccounts: new Map<string, string>(), payouts: new Map<string, FakePayout>(), payoutCalls: 0 });
  const next = base.fetch;
  channels.fetch = async (input, init) => {
    const url = String(input);
    if (!url.includes('/providers/bank/payouts')) return next(input, init);
    channels.payoutCalls += 1;
    const key = new Headers(init?.headers).get('idempotency-key')!;
    const body = JSON.parse(String(init?.body)) as FakePayout['body'];
    let payout = channels.payouts.get(key);
    if (!payout) {
      payout = { payoutId: `pay_${randomUUID()}`, key, body };
      channels.payouts.set(key, payout);
    }
    if (channels.loseAnswer) throw new TypeError('fetch failed: socket hang up');
    return Response.json({ payoutId: payout.payoutId, status: 'pending', expectedArrival: new Date(Date.now() + 86_400_000).toISOString() }, { status: 201 });
  };
  return channels;
}

let seq = 0;

/** The payouts the bank made for one payout verification (other tests' payouts share the database). */
export function payoutsOf(channels: PayoutChannels, payoutId: string): FakePayout[] {
  return [...channels.payouts.values()].filter((p) => p.body.reference.startsWith(`${payoutId}:`));
}

/**
 * A context whose process "dies" at its `n`-th transaction (counted from now): that
 * transaction never runs and nothing after it happens — what a SIGKILL at that point
 * leaves in the database.
 */
export function dyingAt<C extends { db: Db }>(c: C, n: number): C {
  let count = 0;
  const db = new Proxy(c.db, {
    get(target, prop, receiver) {
      if (prop !== 'transaction') return Reflect.get(target, prop, receiver);
      return (...args: Parameters<Db['transaction']>) => {
        count += 1;
        if (count === n) return Promise.reject(new Error('process killed'));
        return target.transaction(...args);
      };
    },
  });
  return { ...c, db };
}

/** Step 1 done and 完成填写 submitted: the payout waits for its operator check. */
export async function submittedPayout(db: Db, channels: PayoutChannels, overrides: { bankAccount?: string } = {}) {
  const ctx = serviceContext(db, channels.fetch);
  seq += 1;
  const accountId = await newAccount(ctx, 'payout');
  const e = registryEnterprise(channels);
  const now = new Date();
  const { verificationId } = await startEnterpriseVerification(ctx, accountId, await enterpriseInfo(db, accountId, e));
  const bankAccount = overrides.bankAccount ?? `6222${String(Date.now()).slice(-8)}${String(seq).padStart(4, '0')}`;
  channels.bankAccounts.set(bankAccount, e.name);
  const details = payoutDetailsSchema(today).parse({
    bankAccount,
    bankName: '招商银行',
    bankProvince: '31',
    bankCity: '3101',
    bankBranch: '招商银行上海分行营业部',
    legalRepName: REGISTRY_LEGAL_REP.name,
    legalRepIdNumber: REGISTRY_LEGAL_REP.idNumber,
    emblemUploadId: await licenceUpload(db, accountId, now, 'legal_rep_id_back'),
    portraitUploadId: await licenceUpload(db, accountId, now, 'legal_rep_id_front'),
    consent: consentValue('bank_and_id_photos'),
  });
  const { payoutId } = await submitPayoutDetails(ctx, accountId, { ...details, verificationId });
  return { accountId, verificationId, payoutId, enterprise: e, bankAccount };
}

/** The operator's face session opened and passed (a signed face callback): the review case is open. */
export async function operatorPassed(db: Db, channels: PayoutChannels, p: { accountId: string; verificationId: string }, result = 'passed') {
  const session = await startPayoutOperatorCheck(serviceContext(db, channels.fetch), p.accountId, { ...OPERATOR, verificationId: p.verificationId });
  const row = await sessionRow(db, session.id);
  const res = await deliver('face', signedDelivery('face', faceCompleted(row, result)));
  if (res.status >= 300) throw new Error(`face callback answered ${res.status}`);
  return session;
}

export async function payoutRow(db: Db, id: string) {
  const [row] = await db.select().from(payoutVerifications).where(eq(payoutVerifications.id, id));
  return row!;
}

/** Submitted, operator passed, approved by a reviewer: payout_pending with its amount drawn. */
export async function approvedPayout(db: Db, channels: PayoutChannels) {
  const p = await submittedPayout(db, channels);
  await operatorPassed(db, channels, p);
  const row = await payoutRow(db, p.payoutId);
  const reviewer = await newStaff(serviceContext(db));
  await decideReviewCase(serviceContext(db), reviewer, { caseId: row.reviewCaseId!, round: 1, decision: 'approve' });
  return { ...p, reviewer };
}

/** Approved, sent by the job, and settled by a signed bank callback: the amount can be typed. */
export async function arrivedPayout(db: Db, channels: PayoutChannels) {
  const p = await approvedPayout(db, channels);
  await sendApprovedPayouts(serviceContext(db, channels.fetch));
  const row = await payoutRow(db, p.payoutId);
  const res = await deliver('bank', signedDelivery('bank', settled(row)));
  if (res.status >= 300) throw new Error(`bank callback answered ${res.status}`);
  return { ...p, amountFen: (await payoutRow(db, p.payoutId)).amountFen! };
}

export function settled(row: { id: string; payoutAttempt: number; bankPayoutId: string | null }, arrivedAt = new Date(Date.now())) {
  return { type: 'payout.settled', data: { payoutId: row.bankPayoutId!, reference: `${row.id}:${row.payoutAttempt}`, arrivedAt: arrivedAt.toISOString() } };
}

export function failed(row: { id: string; payoutAttempt: number; bankPayoutId: string | null }, reason = 'holder_name_mismatch') {
  return { type: 'payout.failed', data: { payoutId: row.bankPayoutId!, reference: `${row.id}:${row.payoutAttempt}`, reason } };
}
