'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { createAction, type ActionResult } from '@/lib/action';
import { chinaCalendarDate } from '@/lib/domain/identity/calendar-date';
import { ENTERPRISE_METHODS, isBankMethod, isLegalRepMethod } from '@/lib/domain/verification/enterprise-methods';
import { AppError, describeError } from '@/lib/errors';
import { addressChoices } from '@/lib/geo/divisions';
import { recogniseLicence } from '@/lib/ocr/recognise-licence';
import { enterpriseInfoSchema, enterpriseMethodSchema } from '@/lib/schemas/enterprise-info';
import { uploadFileSchema } from '@/lib/schemas/upload';
import { cancelEnterpriseVerification } from '@/lib/features/enterprise';
import { chooseEnterpriseMethod } from '@/lib/features/enterprise';
import type { ServiceContext } from '@/lib/features/context';
import { retryEnterpriseVerification } from '@/lib/features/enterprise';
import { runningChangeLink } from '@/lib/features/change';
import { startEnterpriseVerification } from '@/lib/features/enterprise';
import { storeUpload } from '@/lib/features/uploads';
import { LICENCE_FIELD, RECOGNITION_FIELD } from './form-fields';

const WIZARD = '/account/verification/enterprise';
const verificationId = z.uuid('无效的认证记录');

/** A file input left empty posts an empty, nameless file: the same as no file. */
const isEmptyFile = (v: unknown) => typeof v === 'object' && v !== null && 'size' in v && (v as File).size === 0 && !(v as File).name;
const optionalLicence = z.preprocess((v) => (v === undefined || isEmptyFile(v) ? undefined : v), uploadFileSchema.optional());

/** What the user typed (strings only), to be shown again. */
function typedValues(input: Record<string, unknown>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(input)) if (typeof value === 'string') values[key] = value;
  return values;
}

/** storeUpload's errors name the route's `file` field; in this form the field is the licence input. */
function asLicenceError(error: unknown): unknown {
  if (!(error instanceof AppError)) return error;
  return describeError(error.code, error.detail).field === 'file' ? new AppError(error.code, { ...error.detail, field: LICENCE_FIELD }) : error;
}

/**
 * Stores a licence posted with the form (no-JS path; with JS the page uploads it to
 * /api/verification/enterprise/licence at once) and, when asked, recognises it
 * (R-E-OCR). Recognition never throws: a failure leaves the fields to the user.
 */
async function storeLicence(ctx: ServiceContext, accountId: string, file: File, recognise: boolean) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let stored;
  try {
    stored = await storeUpload(ctx, accountId, { purpose: 'business_licence', bytes });
  } catch (error) {
    throw asLicenceError(error);
  }
  const recognition = recognise ? await recogniseLicence(bytes) : null;
  return { uploadId: stored.id, name: recognition?.name ?? null, code: recognition?.code ?? null, failed: recognition?.failed != null };
}

/** Fills what recognition found into the fields the user left empty (nothing typed is overwritten). */
function withRecognised(values: Record<string, string>, found: { uploadId: string; name: string | null; code: string | null }) {
  return {
    ...values,
    licenceUploadId: found.uploadId,
    enterpriseName: values.enterpriseName?.trim() ? values.enterpriseName : (found.name ?? ''),
    code: values.code?.trim() ? values.code : (found.code ?? ''),
  };
}

type Step1Outcome = { fieldErrors: Record<string, string>; message: string; values: Record<string, string> };

const submitStep1 = createAction(
  { schema: z.looseObject({ [LICENCE_FIELD]: optionalLicence, intent: z.enum(['upload', 'next']).default('next') }), choices: addressChoices },
  async (input, ctx): Promise<Step1Outcome> => {
    let values = typedValues(input);
    delete values.intent;
    const failed = (fieldErrors: Record<string, string>, message = describeError('INVALID_INPUT').message): Step1Outcome => ({ fieldErrors, message, values });
    try {
      // 上传并识别 (no JS): store and recognise, answer the form with the fields filled in; nothing else is
      // checked yet. Without a file it is 下一步 (Enter in a field submits with the form's first button).
      if (input.intent === 'upload' && input[LICENCE_FIELD]) {
        const file = input[LICENCE_FIELD] as File;
        const found = await storeLicence(ctx, ctx.user.accountId, file, true);
        values = { ...withRecognised(values, found), [RECOGNITION_FIELD]: found.failed ? 'failed' : found.name || found.code ? 'recognised' : 'unrecognised' };
        return { fieldErrors: {}, message: '', values };
      }
      // Without JS the file comes with the form: kept from now on (its id goes back in a
      // hidden field), so that an error elsewhere does not ask for it again.
      const file = input[LICENCE_FIELD] as File | undefined;
      if (file) {
        const needsRecognition = !values.enterpriseName?.trim() || !values.code?.trim();
        values = withRecognised(values, await storeLicence(ctx, ctx.user.accountId, file, needsRecognition));
      }
      const parsed = enterpriseInfoSchema(chinaCalendarDate(await ctx.clock.now())).safeParse(values);
      if (!parsed.success) {
        const fieldErrors: Record<string, string> = {};
        for (const issue of parsed.error.issues) fieldErrors[issue.path.join('.') || '_form'] ??= issue.message;
        return failed(fieldErrors);
      }
      // While a change request waits for its new enterprise, the wizard proves it (ADR 0013).
      await startEnterpriseVerification(ctx, ctx.user.accountId, parsed.data, await runningChangeLink(ctx, ctx.user.accountId, 'enterprise'));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const d = describeError(error.code, error.detail);
      return failed(d.field ? { [d.field]: d.message } : {}, d.message);
    }
    redirect(WIZARD);
  },
);

/**
 * Step 1, one action for both submit buttons (a second useActionState in the same form
 * cannot answer a no-JS post: React keys the result by the form's first $ACTION_KEY).
 * 上传并识别 (`intent=upload`, no JS only) stores and recognises the licence and answers
 * the values (an "error" without errors: the form shows them again, filled in).
 * 下一步: the licence (a file posted without JS, or the id of one uploaded
 * already), every field of SPEC §5.1 checked with the browser's schema, then the use
 * case (registry check R-E-REG included). Errors come back beside their fields with
 * everything typed — and the stored licence — kept.
 */
export async function submitEnterpriseInfoAction(prev: ActionResult<never>, formData: FormData): Promise<ActionResult<never>> {
  const result = await submitStep1(prev as ActionResult<Step1Outcome>, formData);
  if (result.status !== 'ok') return result as ActionResult<never>;
  const { fieldErrors, message, values } = result.data;
  return { status: 'error', message, fieldErrors, values, choices: addressChoices(values) };
}

export const chooseEnterpriseMethodAction = createAction(
  { schema: async (ctx) => enterpriseMethodSchema(chinaCalendarDate(await ctx.clock.now())) },
  async (input, ctx) => {
    await chooseEnterpriseMethod(ctx, ctx.user.accountId, input);
    redirect(WIZARD);
  },
);

export const cancelEnterpriseAction = createAction({ schema: z.object({ verificationId }) }, async (input, ctx) => {
  await cancelEnterpriseVerification(ctx, ctx.user.accountId, input.verificationId);
  redirect('/account/verification');
});

/**
 * After a failure: 重试 (`same_method`: the Official Account opens a new code at once; a
 * legal-rep method shows its form again), 更换其他认证方式 (`choose_method`) or
 * 返回修改认证信息 (`edit`, step 1 with the data).
 */
export const retryEnterpriseAction = createAction(
  {
    schema: z.object({
      verificationId,
      mode: z.enum(['same_method', 'choose_method', 'edit']),
      method: z.enum(ENTERPRISE_METHODS).optional(),
    }),
  },
  async (input, ctx) => {
    const { verificationId: id } = await retryEnterpriseVerification(ctx, ctx.user.accountId, input.verificationId, input.mode);
    if (input.mode === 'edit') redirect(`${WIZARD}?step=edit`);
    if (input.mode === 'same_method' && input.method === 'oa') await chooseEnterpriseMethod(ctx, ctx.user.accountId, { verificationId: id, method: 'oa' });
    if (input.mode === 'same_method' && input.method && isLegalRepMethod(input.method)) redirect(`${WIZARD}?method=${input.method}`);
    if (input.mode === 'same_method' && input.method && isBankMethod(input.method)) redirect(`${WIZARD}/${input.method}`);
    redirect(WIZARD);
  },
);
