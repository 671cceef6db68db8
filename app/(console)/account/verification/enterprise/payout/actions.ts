'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { createAction } from '@/lib/action';
import { chinaCalendarDate } from '@/lib/domain/identity/calendar-date';
import { MICRO_AMOUNT_CHANCES } from '@/lib/domain/verification/micro-amount';
import { AppError } from '@/lib/errors';
import { fileFormAction, storeFilesThen, type FileFormOutcome } from '@/lib/file-form-action';
import { PAYOUT_PHOTO_FIELDS, payoutAmountSchema, payoutBankSchema, payoutFormSchema, payoutOperatorSchema } from '@/lib/schemas/payout';
import { checkPayoutAmount } from '@/lib/features/payout';
import { leavePayoutVerification } from '@/lib/features/payout';
import { resubmitPayoutBankDetails } from '@/lib/features/payout';
import { startPayoutOperatorCheck } from '@/lib/features/payout';
import { submitPayoutDetails } from '@/lib/features/payout';

const PAGE = '/account/verification/enterprise/payout';
const WIZARD = '/account/verification/enterprise';
const verificationId = z.uuid('无效的认证记录');
const withVerification = z.object({ verificationId });

const PHOTO_PURPOSE = { emblem: 'legal_rep_id_back', portrait: 'legal_rep_id_front' } as const;

const submitDetails = createAction(
  { schema: async (ctx) => withVerification.and(payoutFormSchema(chinaCalendarDate(await ctx.clock.now()))) },
  async (input, ctx): Promise<FileFormOutcome> => {
    const values: Record<string, string> = {};
    for (const [k, v] of Object.entries(input.details)) if (typeof v === 'string' && k !== 'bankAccount' && k !== 'legalRepIdNumber') values[k] = v;
    const photos = (Object.entries(input.files) as [keyof typeof PAYOUT_PHOTO_FIELDS, File][]).map(([key, file]) => {
      const field = PAYOUT_PHOTO_FIELDS[key];
      return { key: field.uploadId, file, field, purpose: PHOTO_PURPOSE[key], allowPdf: false };
    });
    const failed = await storeFilesThen(ctx, ctx.user.accountId, photos, values, (stored) =>
      submitPayoutDetails(ctx, ctx.user.accountId, { ...input.details, ...stored, verificationId: input.verificationId }),
    );
    if (failed) return failed;
    redirect(PAGE);
  },
);

/**
 * 完成填写 (R-E-PAY 1): the form's own schema (photos chosen now or stored already), the
 * photos stored, then the use case. An error answers every value typed — the clear
 * account and ID numbers come from the browser's own post — and the stored photos' ids.
 */
export const submitPayoutDetailsAction = fileFormAction(submitDetails);

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
      throw new AppError('INVALID_INPUT', { field: 'amount', reason: { code: 'payout.amount.wrong', params: { chancesLeft: result.chancesLeft, chances: MICRO_AMOUNT_CHANCES } } });
    case 'refused':
      throw new AppError('STEP_NOT_ALLOWED', { field: 'amount', reason: { code: `payout.amount.refused.${result.reason}` } });
  }
});
