'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { createAction, type ActionResult } from '@/lib/action';
import { chinaCalendarDate } from '@/lib/domain/identity/calendar-date';
import { AppError, describeError } from '@/lib/errors';
import { enterpriseSubjectChangeSchema, PROOF_FIELDS, subjectChangeProofsFormSchema, type ProofField, type ProofKey } from '@/lib/schemas/enterprise-subject-change';
import { openOldLegalRepFaceCheck } from '@/lib/services/open-old-legal-rep-face-check';
import { startEnterpriseSubjectChange } from '@/lib/services/start-enterprise-subject-change';
import { storeUpload } from '@/lib/services/store-upload';
import { submitSubjectChangeProofs } from '@/lib/services/submit-subject-change-proofs';

const CHANGE = '/account/verification/change';
const changeId = z.uuid('无效的变更申请');
const consent = z.string().max(20).optional();

/** 开始修改 (R-CHG-E1): 《实名认证主体变更协议》, the old legal rep and the new enterprise. */
export const startEnterpriseSubjectChangeAction = createAction(
  { schema: async (ctx) => enterpriseSubjectChangeSchema(chinaCalendarDate(await ctx.clock.now())) },
  async (input, ctx) => {
    await startEnterpriseSubjectChange(ctx, ctx.user.accountId, input);
    redirect(CHANGE);
  },
);

/** The old legal rep's face check (its face consent asked once per request, SECURITY 17). */
export const openOldLegalRepFaceCheckAction = createAction({ schema: z.object({ changeId, consent }) }, async (input, ctx) => {
  await openOldLegalRepFaceCheck(ctx, ctx.user.accountId, input.changeId, input.consent);
  redirect(CHANGE);
});

type Outcome = { fieldErrors: Record<string, string>; message: string; values: Record<string, string> };

const submitProofs = createAction(
  { schema: z.object({ changeId }).and(subjectChangeProofsFormSchema) },
  async (input, ctx): Promise<Outcome> => {
    const values: Record<string, string> = {};
    const uploadIds = { ...input.uploadIds };
    try {
      // Files chosen now are stored first; their ids go back with an error, so nothing is asked twice.
      for (const [key, file] of Object.entries(input.files) as [ProofKey, File][]) {
        const f: ProofField = PROOF_FIELDS[key];
        try {
          const stored = await storeUpload(ctx, ctx.user.accountId, { purpose: f.purpose, bytes: new Uint8Array(await file.arrayBuffer()), allowPdf: f.pdf });
          uploadIds[key] = stored.id;
          values[f.uploadId] = stored.id;
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          return { fieldErrors: { [f.file]: describeError(error.code, error.detail).message }, message: describeError('INVALID_INPUT').message, values };
        }
      }
      await submitSubjectChangeProofs(ctx, ctx.user.accountId, { changeId: input.changeId, legalRepDocument: input.legalRepDocument, uploadIds });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const d = describeError(error.code, error.detail);
      return { fieldErrors: d.field ? { [d.field]: d.message } : {}, message: d.message, values };
    }
    redirect(CHANGE);
  },
);

/**
 * 提交审核 (R-CHG-E1): the form's own schema (files chosen now or stored already), the
 * files stored, then the use case. An error answers what was typed and the stored files' ids.
 */
export async function submitSubjectChangeProofsAction(prev: ActionResult<never>, formData: FormData): Promise<ActionResult<never>> {
  const result = await submitProofs(prev as ActionResult<Outcome>, formData);
  if (result.status !== 'ok') return result as ActionResult<never>;
  const echo: Record<string, string> = {};
  for (const [k, v] of formData.entries()) if (typeof v === 'string' && !k.startsWith('$ACTION')) echo[k] = v;
  const { fieldErrors, message, values } = result.data;
  return { status: 'error', message, fieldErrors, values: { ...echo, ...values } };
}
