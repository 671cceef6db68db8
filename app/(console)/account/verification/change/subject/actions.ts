'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { createAction } from '@/lib/action';
import { chinaCalendarDate } from '@/lib/domain/identity/calendar-date';
import { addressChoices } from '@/lib/geo/divisions';
import { fileFormAction, storeFilesThen, type FileFormOutcome } from '@/lib/file-form-action';
import { enterpriseSubjectChangeSchema, PROOF_FIELDS, subjectChangeProofsFormSchema, type ProofField, type ProofKey } from '@/lib/schemas/enterprise-subject-change';
import { openOldLegalRepFaceCheck } from '@/lib/features/change';
import { startEnterpriseSubjectChange } from '@/lib/features/change';
import { submitSubjectChangeProofs } from '@/lib/features/change';

const CHANGE = '/account/verification/change';
const changeId = z.uuid('无效的变更申请');
const consent = z.string().max(20).optional();

/** 开始修改 (R-CHG-E1): 《实名认证主体变更协议》, the old legal rep and the new enterprise. */
export const startEnterpriseSubjectChangeAction = createAction(
  { schema: async (ctx) => enterpriseSubjectChangeSchema(chinaCalendarDate(await ctx.clock.now())), choices: addressChoices },
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

const submitProofs = createAction(
  { schema: z.object({ changeId }).and(subjectChangeProofsFormSchema) },
  async (input, ctx): Promise<FileFormOutcome> => {
    const files = (Object.entries(input.files) as [ProofKey, File][]).map(([key, file]) => {
      const f: ProofField = PROOF_FIELDS[key];
      return { key, file, field: f, purpose: f.purpose, allowPdf: f.pdf };
    });
    const failed = await storeFilesThen(ctx, ctx.user.accountId, files, {}, (stored) =>
      submitSubjectChangeProofs(ctx, ctx.user.accountId, { changeId: input.changeId, legalRepDocument: input.legalRepDocument, uploadIds: { ...input.uploadIds, ...stored } }),
    );
    if (failed) return failed;
    redirect(CHANGE);
  },
);

/**
 * 提交审核 (R-CHG-E1): the form's own schema (files chosen now or stored already), the
 * files stored, then the use case. An error answers what was typed and the stored files' ids.
 */
export const submitSubjectChangeProofsAction = fileFormAction(submitProofs);
