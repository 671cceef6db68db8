'use server';

import { createAction } from '@/lib/action';
import { icpCheckSchema } from '@/lib/schemas/icp-check';
import { checkIcpSubject } from '@/lib/features/registry';

export const checkIcpSubjectAction = createAction({ schema: icpCheckSchema }, async (input, ctx) => ({
  filingName: input.filingName,
  ...(await checkIcpSubject(ctx, ctx.user.accountId, input.filingName)),
}));
