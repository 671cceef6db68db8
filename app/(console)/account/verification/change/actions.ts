'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { createAction } from '@/lib/action';
import { CHANGE_TYPES_OF } from '@/lib/domain/change/change-types';
import { acceptChangeAgreement } from '@/lib/features/change';
import { cancelSubjectChange } from '@/lib/features/change';
import { chooseChangeType, returnToChangeChoice } from '@/lib/features/change';
import { WIZARD_OF } from '@/lib/features/change';
import { openChangeFaceCheck } from '@/lib/features/change';
import { startSubjectChange } from '@/lib/features/change';

const CHANGE = '/account/verification/change';
const changeId = z.uuid('无效的变更申请');
const consent = z.string().max(20).optional();

export const startSubjectChangeAction = createAction({ schema: z.object({ consent }) }, async (input, ctx) => {
  await startSubjectChange(ctx, ctx.user.accountId, input.consent);
  redirect(CHANGE);
});

export const openChangeFaceCheckAction = createAction({ schema: z.object({ changeId, consent }) }, async (input, ctx) => {
  await openChangeFaceCheck(ctx, ctx.user.accountId, input.changeId, input.consent);
  redirect(CHANGE);
});

export const chooseChangeTypeAction = createAction(
  { schema: z.object({ changeId, type: z.enum(CHANGE_TYPES_OF.person as ['person_to_enterprise', 'person_to_person'], { error: '请选择变更类型' }) }) },
  async (input, ctx) => {
    await chooseChangeType(ctx, ctx.user.accountId, input.changeId, input.type);
    redirect(CHANGE);
  },
);

export const returnToChangeChoiceAction = createAction({ schema: z.object({ changeId }) }, async (input, ctx) => {
  await returnToChangeChoice(ctx, ctx.user.accountId, input.changeId);
  redirect(CHANGE);
});

/** 《接受实名认证主体变更协议》, then on to the wizard that proves the new subject. */
export const acceptChangeAgreementAction = createAction(
  { schema: z.object({ changeId, consent, wizard: z.enum(['personal', 'enterprise']) }) },
  async (input, ctx) => {
    await acceptChangeAgreement(ctx, ctx.user.accountId, input.changeId, input.consent);
    redirect(WIZARD_OF[input.wizard]);
  },
);

export const cancelSubjectChangeAction = createAction({ schema: z.object({ changeId }) }, async (input, ctx) => {
  await cancelSubjectChange(ctx, ctx.user.accountId, input.changeId);
  redirect(`${CHANGE}?id=${input.changeId}`);
});
