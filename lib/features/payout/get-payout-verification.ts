import { latestPayoutOfEnterprise } from '@/db/queries/payouts';
import { findReviewCase } from '@/db/queries/review-cases';
import type { PayoutVerificationRow } from '@/db/schema';
import { addBusinessDays } from '@/lib/domain/business-days';
import { maskBankAccount, maskIdentifier } from '@/lib/domain/mask';
import { MICRO_AMOUNT_CHANCES } from '@/lib/domain/verification/micro-amount';
import { PAYOUT_ARRIVAL_PROMISE_BUSINESS_DAYS, PAYOUT_REVIEW_PROMISE_BUSINESS_DAYS, type PayoutState } from '@/lib/domain/verification/payout-machine';
import { isPayoutBankFailure, operatorFailureText, payoutBankFailureText, type OperatorFailureCode } from '@/lib/domain/verification/payout-outcome';
import type { MessageRef } from '@/lib/messages';
import { AppError } from '@/lib/errors';
import { decryptField } from '@/lib/security/crypto';
import { bankLocationLabel } from './apply-payout-operator-result';
import type { ServiceContext } from '../context';
import { enterpriseAfterBankDeadline, isPayoutOverdue, payoutAt } from '@/lib/domain/verification/bank-deadlines';
import { getBusinessCalendar } from '@/lib/features/calendar';
import { getChannelSession, type ChannelSessionView } from '@/lib/features/channels';
import { getEnterpriseWizard, type EnterpriseRowAt, type EnterpriseWizard } from '@/lib/features/enterprise';
import { consentNeeded } from '@/lib/features/account';
import { PAYOUT_BANK_ACCOUNT_CONTEXT, PAYOUT_LEGAL_REP_ID_CONTEXT, PAYOUT_OPERATOR_ID_CONTEXT } from '@/db/schema';

/** 对公打款进度查询: the six steps, each with its time, or its promise while ahead. */
export const PAYOUT_TIMELINE_STEPS = ['submit', 'operator', 'review', 'payout', 'arrival', 'check'] as const;
export type PayoutTimelineStep = (typeof PAYOUT_TIMELINE_STEPS)[number];

export interface PayoutTimelineEntry {
  /** 提交资料, 经办人核验, 审核, 打款, 到账, 校验: the catalogue's `payout.step.<step>`. */
  step: PayoutTimelineStep;
  /** When it happened. */
  at: Date | null;
  /** What was promised while it is ahead (预计…): the review's due time, the arrival, the amount deadline. */
  promise: MessageRef | null;
  status: 'done' | 'current' | 'ahead' | 'failed';
}

/** What the payout pages show — masked (SPEC §9); the drawn amount is never here (SECURITY 26). */
export interface PayoutView {
  id: string;
  state: PayoutState;
  enterpriseName: string;
  bankAccountMasked: string;
  bankName: string;
  bankLocation: string;
  bankBranch: string;
  legalRepName: string;
  legalRepIdNumberMasked: string;
  operatorName: string | null;
  operatorIdNumberMasked: string | null;
  /** The operator's face session while it is open. */
  operatorSession: ChannelSessionView | null;
  operatorFailure: OperatorFailureCode | null;
  /** Whether the operator form must ask for the face consent again (SECURITY 17). */
  operatorConsentNeeded: boolean;
  submittedAt: Date;
  reviewCaseId: string | null;
  reviewDueAt: Date | null;
  approvedAt: Date | null;
  payoutRequestedAt: Date | null;
  /** 预计到账: the promised 3 business days from the request. */
  expectedArrivalBy: Date | null;
  arrivedAt: Date | null;
  amountDeadline: Date | null;
  chancesLeft: number;
  /** 打款失败's reason. */
  bankFailure: ReturnType<typeof payoutBankFailureText> | null;
  completedAt: Date | null;
  timeline: PayoutTimelineEntry[];
}

export interface PayoutPage {
  wizard: EnterpriseWizard;
  payout: PayoutView | null;
}

/**
 * The payout pages' data for the signed-in account: the enterprise verification, and
 * its latest payout run when the method is payout. A pure read: a passed amount deadline
 * reads as the sweeper (expire-due-payouts) will leave it — the run failed
 * (payout_expired), the verification failed — before anything writes it (SPEC §8).
 */
export async function getPayoutPage(ctx: ServiceContext, accountId: string): Promise<PayoutPage> {
  const wizard = await getEnterpriseWizard(ctx, accountId, (row, now) => enterpriseAt(ctx, row, now));
  if (wizard.kind !== 'verification' || wizard.verification.method !== 'payout') return { wizard, payout: null };
  const row = await latestPayoutOfEnterprise(ctx.db, wizard.verification.id);
  if (!row) return { wizard, payout: null };
  const now = await ctx.clock.now();
  return { wizard, payout: await toPayoutView(ctx, payoutAt(row, now), now) };
}

/** The verification as its payout's passed amount deadline will leave it (failed, payout_expired). */
const enterpriseAt = async (ctx: ServiceContext, row: Parameters<EnterpriseRowAt>[0], now: Date) => {
  if (row.state !== 'awaiting_bank' || row.method !== 'payout') return row;
  const payout = await latestPayoutOfEnterprise(ctx.db, row.id);
  return payout?.amountDeadline && isPayoutOverdue(payout, now) ? enterpriseAfterBankDeadline(row, 'payout', 'payout_expired', payout.amountDeadline) : row;
};

async function toPayoutView(ctx: ServiceContext, row: PayoutVerificationRow, now: Date): Promise<PayoutView> {
  const calendar = await getBusinessCalendar(ctx.db);
  const reviewCase = row.reviewCaseId ? await findReviewCase(ctx.db, row.reviewCaseId) : undefined;
  const session = row.state === 'operator_check' && row.operatorSessionId ? await getChannelSession(ctx, row.operatorSessionId) : null;
  const expectedArrivalBy = row.payoutRequestedAt ? addBusinessDays(calendar, row.payoutRequestedAt, PAYOUT_ARRIVAL_PROMISE_BUSINESS_DAYS) : null;
  const reviewDueAt = reviewCase?.state === 'open' ? reviewCase.dueAt : null;
  const view: Omit<PayoutView, 'timeline'> = {
    id: row.id,
    state: row.state,
    enterpriseName: row.enterpriseName,
    bankAccountMasked: maskBankAccount(decryptField(row.bankAccountEnc, PAYOUT_BANK_ACCOUNT_CONTEXT)),
    bankName: row.bankName,
    bankLocation: bankLocationLabel(row),
    bankBranch: row.bankBranch,
    legalRepName: row.legalRepName,
    legalRepIdNumberMasked: maskIdentifier(decryptField(row.legalRepIdNumberEnc, PAYOUT_LEGAL_REP_ID_CONTEXT)),
    operatorName: row.operatorName,
    operatorIdNumberMasked: row.operatorIdNumberEnc ? maskIdentifier(decryptField(row.operatorIdNumberEnc, PAYOUT_OPERATOR_ID_CONTEXT)) : null,
    operatorSession: session?.state === 'open' ? session : null,
    operatorFailure: row.state === 'operator_check' ? (operatorFailureText(row.failureCode) ?? (session?.state === 'expired' ? operatorFailureText('operator_session_expired') : null)) : null,
    operatorConsentNeeded: row.state === 'operator_check' && (await consentNeeded(ctx.db, { accountId: row.accountId, purpose: 'face', processRef: `payout_verification:${row.id}` })),
    submittedAt: row.submittedAt,
    reviewCaseId: row.reviewCaseId,
    reviewDueAt,
    approvedAt: row.approvedAt,
    payoutRequestedAt: row.payoutRequestedAt,
    expectedArrivalBy,
    arrivedAt: row.arrivedAt,
    amountDeadline: row.amountDeadline,
    chancesLeft: MICRO_AMOUNT_CHANCES - row.chancesUsed,
    bankFailure: isPayoutBankFailure(row.failureCode) ? payoutBankFailureText(row.failureCode) : null,
    completedAt: row.completedAt,
  };
  const reviewPromise = reviewDueAt ?? addBusinessDays(calendar, row.operatorPassedAt ?? now, PAYOUT_REVIEW_PROMISE_BUSINESS_DAYS);
  return { ...view, timeline: timeline(row, { reviewPromise, expectedArrivalBy }) };
}

/** The six steps of 对公打款进度查询: done up to the current one; a failed run marks where it stopped. */
function timeline(row: PayoutVerificationRow, p: { reviewPromise: Date; expectedArrivalBy: Date | null }): PayoutTimelineEntry[] {
  const entries: { step: PayoutTimelineStep; at: Date | null; promise: MessageRef | null }[] = [
    { step: 'submit', at: row.submittedAt, promise: null },
    { step: 'operator', at: row.operatorPassedAt, promise: null },
    { step: 'review', at: row.approvedAt, promise: { code: 'payout.promise.review', params: { days: PAYOUT_REVIEW_PROMISE_BUSINESS_DAYS, at: p.reviewPromise.getTime() } } },
    { step: 'payout', at: row.payoutRequestedAt, promise: { code: 'payout.promise.payout', params: { days: PAYOUT_ARRIVAL_PROMISE_BUSINESS_DAYS } } },
    { step: 'arrival', at: row.arrivedAt, promise: p.expectedArrivalBy ? { code: 'payout.promise.arrival', params: { at: p.expectedArrivalBy.getTime() } } : null },
    { step: 'check', at: row.state === 'succeeded' ? row.completedAt : null, promise: row.amountDeadline ? { code: 'payout.promise.check', params: { at: row.amountDeadline.getTime() } } : null },
  ];
  const current = entries.findIndex((e) => e.at === null);
  const ended = row.state === 'failed' || row.state === 'cancelled' || row.state === 'payout_failed' || row.state === 'rejected';
  return entries.map((e, i) => ({
    ...e,
    status: current === -1 || i < current ? 'done' : i === current ? (ended ? 'failed' : 'current') : 'ahead',
  }));
}

/** What the payout page polls while it waits (no personal data): the run's state and its operator session's. */
export async function getPayoutStatus(ctx: ServiceContext, accountId: string, verificationId: string): Promise<{ state: string; sessionState: string | null }> {
  const page = await getPayoutPage(ctx, accountId);
  if (page.wizard.kind !== 'verification' || page.wizard.verification.id !== verificationId) throw new AppError('NOT_FOUND');
  return { state: page.payout?.state ?? page.wizard.verification.state, sessionState: page.payout?.operatorSession?.state ?? null };
}
