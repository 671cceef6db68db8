'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { createAction } from '@/lib/action';
import { addressChoices } from '@/lib/geo/divisions';
import { chinaCalendarDate } from '@/lib/domain/identity/calendar-date';
import { PERSONAL_METHODS } from '@/lib/domain/verification/personal-methods';
import { personalInfoSchema } from '@/lib/schemas/personal-info';
import { cancelPersonalVerification } from '@/lib/features/personal';
import { choosePersonalMethod } from '@/lib/features/personal';
import { confirmPersonalVerification } from '@/lib/features/personal';
import { retryPersonalVerification } from '@/lib/features/personal';
import { runningChangeLink } from '@/lib/features/change';
import { startPersonalVerification } from '@/lib/features/personal';

const WIZARD = '/account/verification/personal';
const verificationId = z.uuid('无效的认证记录');

export const submitPersonalInfoAction = createAction(
  { schema: async (ctx) => personalInfoSchema(chinaCalendarDate(await ctx.clock.now())), choices: addressChoices },
  async (input, ctx) => {
    // While a change request waits for its new person, the wizard proves it (ADR 0013).
    await startPersonalVerification(ctx, ctx.user.accountId, input, await runningChangeLink(ctx, ctx.user.accountId, 'personal'));
    redirect(`${WIZARD}?step=confirm`);
  },
);

export const confirmPersonalInfoAction = createAction({ schema: z.object({ verificationId }) }, async (input, ctx) => {
  await confirmPersonalVerification(ctx, ctx.user.accountId, input.verificationId);
  redirect(WIZARD);
});

export const choosePersonalMethodAction = createAction(
  { schema: z.object({ verificationId, method: z.enum(PERSONAL_METHODS, { error: '请选择认证方式' }), consent: z.string().max(20).optional() }) },
  async (input, ctx) => {
    await choosePersonalMethod(ctx, ctx.user.accountId, input.verificationId, input.method, input.consent);
    redirect(WIZARD);
  },
);

export const cancelPersonalAction = createAction({ schema: z.object({ verificationId }) }, async (input, ctx) => {
  await cancelPersonalVerification(ctx, ctx.user.accountId, input.verificationId);
  redirect('/account/verification');
});

export const retryPersonalAction = createAction(
  { schema: z.object({ verificationId, mode: z.enum(['choose_method', 'edit']) }) },
  async (input, ctx) => {
    await retryPersonalVerification(ctx, ctx.user.accountId, input.verificationId, input.mode);
    redirect(WIZARD);
  },
);
