import { z } from 'zod';
import { describeError, errorTable, type ErrorCode } from '@/lib/errors';
import type { MessageRef } from '@/lib/messages';
import { DOCUMENT_EXTENSIONS, IMAGE_EXTENSIONS, MAX_UPLOAD_BYTES, MAX_UPLOAD_NAME_LENGTH, type StoredFileField } from './upload-fields';

// The limits and accept lists live in a zod-free module that browser code imports (issue 19).
export * from './upload-fields';

// C0 controls (NUL included), DEL and the C1 controls.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * Whether a file's name is safe to accept. The name is only checked, never stored or
 * used as a path: no separators, no `..`, no control characters, and an allowed
 * extension as the LAST one (`a.jpg.php` is refused, `a.php.jpg` is not — its content
 * decides what it is).
 */
export function isSafeUploadName(name: string, allowPdf = false): boolean {
  if (!name || name.length > MAX_UPLOAD_NAME_LENGTH) return false;
  if (CONTROL.test(name) || name.includes('/') || name.includes('\\') || name.includes('..')) return false;
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return false; // no extension, or a hidden file (".png")
  const extension = name.slice(dot + 1).toLowerCase();
  return ((allowPdf ? DOCUMENT_EXTENSIONS : IMAGE_EXTENSIONS) as readonly string[]).includes(extension);
}

/** A File from FormData (browser or server) — duck-typed: Files from different realms differ. */
function isFileLike(value: unknown): value is File {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as File).name === 'string' &&
    typeof (value as File).size === 'number' &&
    typeof (value as File).arrayBuffer === 'function'
  );
}

function fileSchema(allowPdf: boolean) {
  return z.custom<File>().check((ctx) => {
    const fail = (code: ErrorCode, reason?: MessageRef) => {
      ctx.issues.push({ code: 'custom', message: describeError(code, { reason }).message, input: ctx.value, params: { code, reason } });
    };
    const file = ctx.value;
    // One message at a time, the most basic first.
    if (!isFileLike(file) || file.size === 0) fail('UPLOAD_EMPTY');
    else if (file.size > MAX_UPLOAD_BYTES) fail('UPLOAD_TOO_LARGE');
    else if (!isSafeUploadName(file.name, allowPdf)) fail('UPLOAD_NAME_INVALID', allowPdf ? { code: 'upload.nameInvalid.withPdf' } : undefined);
  });
}

/**
 * A browser `File` for a JPG/PNG field: non-empty, ≤ 5 MB, a safe name. Shared by the
 * upload route, server actions with file fields and the browser (react-hook-form).
 * What the file really is gets decided later by its bytes (lib/storage/inspect-upload).
 */
export const uploadFileSchema = fileSchema(false);

/** The same for fields that also take PDF (变更 proofs, SPEC §6 R-CHG-E1). */
export const uploadDocumentSchema = fileSchema(true);

export function uploadSchemaFor(options: { allowPdf?: boolean }) {
  return options.allowPdf ? uploadDocumentSchema : uploadFileSchema;
}

/**
 * The coded error an issue of these schemas stands for (route handlers and actions answer
 * it): its code, and the catalogue's finer sentence where the table's is not precise enough.
 * Any other issue is INVALID_INPUT.
 */
export function uploadRefusalOf(issue: z.core.$ZodIssue): { code: ErrorCode; reason?: MessageRef } {
  const params = issue.code === 'custom' ? (issue.params as { code?: unknown; reason?: MessageRef } | undefined) : undefined;
  const code = params?.code;
  if (typeof code !== 'string' || !(code in errorTable)) return { code: 'INVALID_INPUT' };
  return params?.reason ? { code: code as ErrorCode, reason: params.reason } : { code: code as ErrorCode };
}

const UPLOAD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The first file of a field: a File (server FormData) or a FileList / array (react-hook-form in the browser). */
function firstFile(value: unknown): unknown {
  if (typeof value === 'object' && value !== null && !('size' in value) && typeof (value as ArrayLike<unknown>).length === 'number') {
    return (value as ArrayLike<unknown>)[0];
  }
  return value;
}

function isChosenFile(value: unknown): value is File {
  return typeof value === 'object' && value !== null && typeof (value as File).size === 'number' && ((value as File).size > 0 || (value as File).name !== '');
}


/**
 * One such field as posted (browser and server action): a file chosen now (checked here,
 * stored by the action), or one stored already (its id, so that an error elsewhere does not
 * ask for it again), or missing. Problems are added beside the file input.
 */
export function readStoredFileField(input: Record<string, unknown>, field: StoredFileField, ctx: z.RefinementCtx): { file?: File; uploadId?: string } {
  const chosen = firstFile(input[field.file]);
  const stored = typeof input[field.uploadId] === 'string' ? (input[field.uploadId] as string).trim().toLowerCase() : '';
  if (isChosenFile(chosen)) {
    const check = (field.pdf ? uploadDocumentSchema : uploadFileSchema).safeParse(chosen);
    if (check.success) return { file: chosen };
    ctx.addIssue({ code: 'custom', path: [field.file], message: check.error.issues[0]!.message });
    return {};
  }
  if (UPLOAD_ID.test(stored)) return { uploadId: stored };
  ctx.addIssue({ code: 'custom', path: [field.file], message: `请上传${field.label}` });
  return {};
}
