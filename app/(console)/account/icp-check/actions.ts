'use server';

import { createAction } from '@/lib/action';
import { textOf } from '@/lib/messages';
import { icpCheckSchema } from '@/lib/schemas/icp-check';
import { checkIcpSubject } from '@/lib/features/registry';

export const checkIcpSubjectAction = createAction({ schema: icpCheckSchema }, async (input, ctx) => {
  const check = await checkIcpSubject(ctx, ctx.user.accountId, input.filingName);
  return { filingName: input.filingName, ...check, message: textOf(check.message) };
});
