'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { createAction } from '@/lib/action';
import { dismissRegistryProposal } from '@/lib/features/registry';

/** 忽略: the registry re-check's proposal the owner saw (SPEC §13). */
export const dismissRegistryProposalAction = createAction({ schema: z.object({ proposalId: z.string().uuid() }) }, async (input, ctx) => {
  await dismissRegistryProposal(ctx, ctx.user.accountId, input.proposalId);
  revalidatePath('/account/verification');
});
