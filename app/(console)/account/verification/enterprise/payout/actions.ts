'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { createAction, type ActionResult } from '@/lib/action';
import { chinaCalendarDate } from '@/lib/domain/identity/calendar-date';
import { AppError, describeError } from '@/lib/errors';
import { PAYOUT_PHOTO_FIELDS, payoutAmountSchema, payoutBankSchema, payoutFormSchema, payoutOperatorSchema } from '@/lib/schemas/payout';
import { checkPayoutAmount } from '@/lib/services/check-payout-amount';
import { leavePayoutVerification } from '@/lib/services/leave-payout-verification';
import { resubmitPayoutBankDetails } from '@/lib/services/resubmit-payout-bank-details';
import { startPayoutOperatorCheck } from '@/lib/services/start-payout-operator-check';
import { storeUpload } from '@/lib/services/store-upload';
import { submitPayoutDetails } from '@/lib/services/submit-payout-details';

const PAGE = '/account/verification/enterprise/payout';
const WIZARD = '/account/verification/enterprise';
const verificationId = z.uuid('无效的认证记录');
const withVerification = z.object({ verificationId });

type Outcome = { fieldErrors: Record<string, string>; message: string; values: Record<string, string> };

const PHOTO_PURPOSE = { emblem: 'legal_rep_id_back', portrait: 'legal_rep_id_front' } as const;

const submitDetails = createAction(
  { schema: async (ctx) => withVerification.and(payoutFormSchema(chinaCalendarDate(await ctx.clock.now()))) },
  async (input, ctx): Promise<Outcome> => {
    const values: Record<string, string> = {};
    for (const [k, v] of Object.entries(input.details)) if (typeof v === 'string' && k !== 'bankAccount' && k !== 'legalRepIdNumber') values[k] = v;
    try {
      // Photos chosen now are stored first; their ids go back with an error, so nothing is asked twice.
      const details = { ...input.details };
      for (const [key, file] of Object.entries(input.files) as [keyof typeof PAYOUT_PHOTO_FIELDS, File][]) {
        const field = PAYOUT_PHOTO_FIELDS[key];
        try {
          const stored = await storeUpload(ctx, ctx.user.accountId, { purpose: PHOTO_PURPOSE[key], bytes: new Uint8Array(await file.arrayBuffer()) });
          details[field.uploadId] = stored.id;
          values[field.uploadId] = stored.id;
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          return { fieldErrors: { [field.file]: describeError(error.code, error.detail).message }, message: describeError('INVALID_INPUT').message, values };
        }
      }
      await submitPayoutDetails(ctx, ctx.user.accountId, { ...details, verificationId: input.verificationId });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const d = describeError(error.code, error.detail);
      return { fieldErrors: d.field ? { [d.field]: d.message } : {}, message: d.message, values };
    }
    redirect(PAGE);
  },
);

/**
 * 完成填写 (R-E-PAY 1): the form's own schema (photos chosen now or stored already), the
 * photos stored, then the use case. An error answers every value typed — the clear
 * account and ID numbers come from the browser's own post — and the stored photos' ids.
 */
export async function submitPayoutDetailsAction(prev: ActionResult<never>, formData: FormData): Promise<ActionResult<never>> {
  const result = await submitDetails(prev as ActionResult<Outcome>, formData);
  if (result.status !== 'ok') return result as ActionResult<never>;
  const echo: Record<string, string> = {};
  for (const [k, v] of formData.entries()) if (typeof v === 'string' && !k.startsWith('$ACTION')) echo[k] = v;
  const { fieldErrors, message, values } = result.data;
  return { status: 'error', message, fieldErrors, values: { ...echo, ...values } };
}

export const startOperatorCheckAction = createAction(
  { schema: async (ctx) => withVerification.and(payoutOperatorSchema(chinaCalendarDate(await ctx.clock.now()))) },
  async (input, ctx) => {
    await startPayoutOperatorCheck(ctx, ctx.user.accountId, input);
    redirect(PAGE);
  },
);

/** 撤销审核 (stay on this page, the form again) or 更换其他认证方式 (back to step 2). */
export const leavePayoutAction = createAction(
  { schema: z.object({ verificationId, then: z.enum(['stay', 'choose_method']) }) },
  async (input, ctx) => {
    await leavePayoutVerification(ctx, ctx.user.accountId, input.verificationId);
    redirect(input.then === 'stay' ? PAGE : WIZARD);
  },
);

export const resubmitBankAction = createAction({ schema: withVerification.and(payoutBankSchema) }, async (input, ctx) => {
  await resubmitPayoutBankDetails(ctx, ctx.user.accountId, input);
  redirect(PAGE);
});

const AMOUNT_REFUSED: Record<'no_chances' | 'expired' | 'not_waiting', string> = {
  no_chances: '验证机会已用完，请重新发起认证',
  expired: '已超过填写期限（到账后 7 天），请重新发起认证',
  not_waiting: '当前无需填写收款金额，请刷新页面',
};

/** 我已收到打款，开始校验 (R-E-PAY 5): a wrong amount says how many chances are left, beside the field. */
export const checkAmountAction = createAction({ schema: withVerification.and(payoutAmountSchema) }, async (input, ctx) => {
  const result = await checkPayoutAmount(ctx, ctx.user.accountId, input);
  switch (result.verdict) {
    case 'correct':
    case 'failed':
      redirect(WIZARD);
    // falls through: redirect never returns
    case 'wrong':
      revalidatePath(PAGE); // the chances shown beside the field
      throw new AppError('INVALID_INPUT', { field: 'amount', message: `收款金额不正确，您还有${result.chancesLeft}/2次验证机会` });
    case 'refused':
      throw new AppError('STEP_NOT_ALLOWED', { field: 'amount', message: AMOUNT_REFUSED[result.reason] });
  }
});
