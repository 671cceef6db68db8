'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { createAction, type ActionResult } from '@/lib/action';
import { AppError, describeError } from '@/lib/errors';
import { RENAME_PROOF_FIELDS, renameNameSchema, renameProofsFormSchema, type RenameProofKey } from '@/lib/schemas/enterprise-rename';
import { confirmRenameName, returnToRenameName } from '@/lib/services/confirm-rename-name';
import { queryRegistryName } from '@/lib/services/query-registry-name';
import { startEnterpriseRename } from '@/lib/services/start-enterprise-rename';
import { storeUpload } from '@/lib/services/store-upload';
import { submitRenameProofs } from '@/lib/services/submit-rename-proofs';

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

type Outcome = { fieldErrors: Record<string, string>; message: string; values: Record<string, string> };

const submitProofs = createAction({ schema: z.object({ changeId }).and(renameProofsFormSchema) }, async (input, ctx): Promise<Outcome> => {
  const values: Record<string, string> = {};
  const ids = { ...input.ids };
  try {
    // Files chosen now are stored first; their ids go back with an error, so nothing is asked twice.
    for (const [key, file] of Object.entries(input.files) as [RenameProofKey, File][]) {
      const field = RENAME_PROOF_FIELDS[key];
      try {
        const stored = await storeUpload(ctx, ctx.user.accountId, { purpose: 'change_proof', bytes: new Uint8Array(await file.arrayBuffer()), allowPdf: true });
        ids[key] = stored.id;
        values[field.uploadId] = stored.id;
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        return { fieldErrors: { [field.file]: describeError(error.code, error.detail).message }, message: describeError('INVALID_INPUT').message, values };
      }
    }
    await submitRenameProofs(ctx, ctx.user.accountId, input.changeId, ids);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const d = describeError(error.code, error.detail);
    return { fieldErrors: d.field ? { [d.field]: d.message } : {}, message: d.message, values };
  }
  redirect(shown(input.changeId));
});

/**
 * 提交审核 (R-CHG-E2 review path): the proofs chosen now are stored (PDF/JPG/PNG ≤ 5 MB),
 * then the case opens. An error answers the stored proofs' ids, so they are not asked again.
 */
export async function submitRenameProofsAction(prev: ActionResult<never>, formData: FormData): Promise<ActionResult<never>> {
  const result = await submitProofs(prev as ActionResult<Outcome>, formData);
  if (result.status !== 'ok') return result as ActionResult<never>;
  const echo: Record<string, string> = {};
  for (const [k, v] of formData.entries()) if (typeof v === 'string' && !k.startsWith('$ACTION')) echo[k] = v;
  const { fieldErrors, message, values } = result.data;
  return { status: 'error', message, fieldErrors, values: { ...echo, ...values } };
}
