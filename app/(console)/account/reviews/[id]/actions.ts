'use server';

import { redirect } from 'next/navigation';
import { createAction } from '@/lib/action';
import { AppError } from '@/lib/errors';
import { resubmitEnvelopeSchema } from '@/lib/schemas/review';
import { uploadDocumentSchema, uploadRefusalOf } from '@/lib/schemas/upload';
import { resubmitReviewCase } from '@/lib/features/review';

const FIELD = /^item_([a-z_]+)$/;

/**
 * 重新提交 (SPEC §13): the replaced items of a rejected case — texts, and files posted
 * with the form (no JavaScript needed). Each file is refused here when it is over 5 MB or
 * badly named (SECURITY 14, before its bytes are read); its content is checked by the use
 * case (storeUpload). Only the rejected items count: the use case ignores anything else.
 */
export const resubmitReviewAction = createAction({ schema: resubmitEnvelopeSchema }, async (input, ctx) => {
  const values: Record<string, string> = {};
  const files: Record<string, Uint8Array> = {};
  for (const [name, value] of Object.entries(input)) {
    const key = FIELD.exec(name)?.[1];
    if (!key) continue;
    if (typeof value === 'string') {
      values[key] = value;
    } else if (value instanceof Blob && value.size > 0) {
      const checked = uploadDocumentSchema.safeParse(value);
      if (!checked.success) {
        const refusal = uploadRefusalOf(checked.error.issues[0]!);
        throw new AppError(refusal.code, { field: name, reason: refusal.reason });
      }
      files[key] = new Uint8Array(await value.arrayBuffer());
    }
  }
  await resubmitReviewCase(ctx, ctx.user.accountId, { caseId: input.caseId, round: input.round, values, files });
  redirect(`/account/reviews/${input.caseId}?resubmitted=1`);
});
