'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { createAction } from '@/lib/action';
import { fileFormAction, storeFilesThen, type FileFormOutcome } from '@/lib/file-form-action';
import { RENAME_PROOF_FIELDS, renameNameSchema, renameProofsFormSchema, type RenameProofKey } from '@/lib/schemas/enterprise-rename';
import { confirmRenameName, returnToRenameName } from '@/lib/features/change';
import { queryRegistryName } from '@/lib/features/change';
import { startEnterpriseRename } from '@/lib/features/change';
import { submitRenameProofs } from '@/lib/features/change';

const CHANGE = '/account/verification/change';
const changeId = z.uuid('无效的变更申请');
const shown = (id: string) => `${CHANGE}?id=${encodeURIComponent(id)}`;

/** 查询新名称: the registry's current name for the account's own code, to fill 变更后企业名称. */
export const queryRegistryNameAction = createAction({ schema: z.object({}) }, async (_input, ctx) => queryRegistryName(ctx, ctx.user.accountId));

/** 变更企业名称 submitted: the request starts and goes the way the registry says (R-CHG-E2). */
export const startEnterpriseRenameAction = createAction({ schema: renameNameSchema }, async (input, ctx) => {
  const started = await startEnterpriseRename(ctx, ctx.user.accountId, input);
  redirect(shown(started.changeId));
});

/** 重新查询, or a corrected name after 上一步. */
export const confirmRenameNameAction = createAction({ schema: z.object({ changeId }).and(renameNameSchema) }, async (input, ctx) => {
  const result = await confirmRenameName(ctx, ctx.user.accountId, input.changeId, { newName: input.newName });
  redirect(shown(result.changeId));
});

/** 上一步 from the proofs. */
export const returnToRenameNameAction = createAction({ schema: z.object({ changeId }) }, async (input, ctx) => {
  await returnToRenameName(ctx, ctx.user.accountId, input.changeId);
  redirect(shown(input.changeId));
});

const submitProofs = createAction({ schema: z.object({ changeId }).and(renameProofsFormSchema) }, async (input, ctx): Promise<FileFormOutcome> => {
  const files = (Object.entries(input.files) as [RenameProofKey, File][]).map(([key, file]) => ({
    key,
    file,
    field: RENAME_PROOF_FIELDS[key],
    purpose: 'change_proof' as const,
    allowPdf: true,
  }));
  const failed = await storeFilesThen(ctx, ctx.user.accountId, files, {}, (stored) => submitRenameProofs(ctx, ctx.user.accountId, input.changeId, { ...input.ids, ...stored }));
  if (failed) return failed;
  redirect(shown(input.changeId));
});

/**
 * 提交审核 (R-CHG-E2 review path): the proofs chosen now are stored (PDF/JPG/PNG ≤ 5 MB),
 * then the case opens. An error answers the stored proofs' ids, so they are not asked again.
 */
export const submitRenameProofsAction = fileFormAction(submitProofs);
