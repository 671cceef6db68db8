import type { ActionResult } from '@/lib/action';
import { AppError, describeError } from '@/lib/errors';
import { storeUpload, type StorageServiceContext } from '@/lib/features/uploads';
import type { UploadPurpose } from '@/lib/storage/purposes';

/**
 * Forms that post files and keep them (the payout's photos, a change's proofs): files
 * chosen in this post are stored first, then the use case runs with their ids. On any
 * error the ids of what was stored go back in hidden fields with everything typed, so
 * nothing is asked twice (lib/schemas/upload.ts readStoredFileField reads them).
 */
export interface FileFormOutcome {
  fieldErrors: Record<string, string>;
  message: string;
  values: Record<string, string>;
}

export interface FileToStore<K extends string> {
  /** How `submit` receives the stored id. */
  key: K;
  file: File;
  /** The form's file input and its hidden stored-id field. */
  field: { file: string; uploadId: string };
  purpose: UploadPurpose;
  allowPdf: boolean;
}

/**
 * Stores `files` in order, then calls `submit` with each stored id by its key. Answers
 * null when all went through; otherwise the outcome to show: a refused file beside its
 * input, a use case's error beside its field (`values`: what else to echo).
 */
export async function storeFilesThen<K extends string>(
  ctx: StorageServiceContext,
  accountId: string,
  files: readonly FileToStore<K>[],
  values: Record<string, string>,
  submit: (storedIds: Partial<Record<K, string>>) => Promise<unknown>,
): Promise<FileFormOutcome | null> {
  const echo = { ...values };
  const storedIds: Partial<Record<K, string>> = {};
  try {
    for (const f of files) {
      try {
        const stored = await storeUpload(ctx, accountId, { purpose: f.purpose, bytes: new Uint8Array(await f.file.arrayBuffer()), allowPdf: f.allowPdf });
        storedIds[f.key] = stored.id;
        echo[f.field.uploadId] = stored.id;
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        return { fieldErrors: { [f.field.file]: describeError(error.code, error.detail).message }, message: describeError('INVALID_INPUT').message, values: echo };
      }
    }
    await submit(storedIds);
    return null;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const d = describeError(error.code, error.detail);
    return { fieldErrors: d.field ? { [d.field]: d.message } : {}, message: d.message, values: echo };
  }
}

/**
 * The server action a file form posts to: `inner` (a createAction whose use case answers
 * a FileFormOutcome, or redirects) with its outcome turned into the form's error, every
 * string posted echoed back with the stored ids.
 */
export function fileFormAction(inner: (prev: ActionResult<FileFormOutcome>, formData: FormData) => Promise<ActionResult<FileFormOutcome>>) {
  return async function action(prev: ActionResult<never>, formData: FormData): Promise<ActionResult<never>> {
    const result = await inner(prev as ActionResult<FileFormOutcome>, formData);
    if (result.status !== 'ok') return result as ActionResult<never>;
    const echo: Record<string, string> = {};
    for (const [k, v] of formData.entries()) if (typeof v === 'string' && !k.startsWith('$ACTION')) echo[k] = v;
    const { fieldErrors, message, values } = result.data;
    return { status: 'error', message, fieldErrors, values: { ...echo, ...values } };
  };
}
