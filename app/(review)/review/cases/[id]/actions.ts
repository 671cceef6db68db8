'use server';

import { redirect } from 'next/navigation';
import { STAFF_ROLES } from '@/lib/auth/session';
import { createAction } from '@/lib/action';
import { approveSchema, rejectSchema, revealSchema } from '@/lib/schemas/review';
import { decideReviewCase } from '@/lib/features/review';
import { revealReviewItem } from '@/lib/features/review';

const staffOnly = { roles: STAFF_ROLES };

export const approveCaseAction = createAction({ schema: approveSchema, access: staffOnly }, async (input, ctx) => {
  await decideReviewCase(ctx, ctx.user.accountId, { caseId: input.caseId, round: input.round, decision: 'approve' });
  redirect(`/review/cases/${input.caseId}?decided=approved`);
});

export const rejectCaseAction = createAction({ schema: rejectSchema, access: staffOnly }, async (input, ctx) => {
  await decideReviewCase(ctx, ctx.user.accountId, { caseId: input.caseId, round: input.round, decision: 'reject', reasons: input.reasons, note: input.note });
  redirect(`/review/cases/${input.caseId}?decided=rejected`);
});

/** 查看: the clear value of one masked item, in the action's answer only (never in the page), audited by the use case. */
export const revealItemAction = createAction({ schema: revealSchema, access: staffOnly }, async (input, ctx) =>
  revealReviewItem(ctx, ctx.user.accountId, input),
);
