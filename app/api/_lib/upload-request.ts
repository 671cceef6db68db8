import type { z } from 'zod';
import { isSameOriginRequest } from '@/lib/action';
import { getCurrentUser, type CurrentUser } from '@/lib/auth/session';
import { errorResponse } from '@/lib/errors';
import { MAX_UPLOAD_REQUEST_BYTES, uploadRefusalOf } from '@/lib/schemas/upload';
import { getServiceContext } from '@/lib/features/runtime';
import { recordRefusedUpload } from '@/lib/features/uploads';

/** The body, or null once it passes `limit` bytes (a missing or false Content-Length is not trusted). */
async function readBody(req: Request, limit: number): Promise<Uint8Array | null> {
  if (!req.body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = req.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

/**
 * The opening of every cookie-authenticated upload route (SECURITY 14–16, 24): same
 * origin, a session (refusals audited), a body capped at 5.5 MB — refused before a
 * byte is read when its declared length is already larger — parsed as multipart.
 */
export async function readUploadRequest(req: Request): Promise<{ ok: true; user: CurrentUser; form: FormData } | { ok: false; response: Response }> {
  if (!isSameOriginRequest(req.headers)) {
    await recordRefusedUpload(await getServiceContext(), { reason: 'BAD_ORIGIN' });
    return { ok: false, response: errorResponse('BAD_ORIGIN') };
  }
  const user = await getCurrentUser();
  if (!user) {
    await recordRefusedUpload(await getServiceContext(), { reason: 'UNAUTHENTICATED' });
    return { ok: false, response: errorResponse('UNAUTHENTICATED') };
  }
  if (Number(req.headers.get('content-length') ?? 0) > MAX_UPLOAD_REQUEST_BYTES) return { ok: false, response: errorResponse('UPLOAD_TOO_LARGE') };
  const body = await readBody(req, MAX_UPLOAD_REQUEST_BYTES);
  if (!body) return { ok: false, response: errorResponse('UPLOAD_TOO_LARGE') };
  try {
    const form = await new Response(new Uint8Array(body), { headers: { 'content-type': req.headers.get('content-type') ?? '' } }).formData();
    return { ok: true, user, form };
  } catch {
    return { ok: false, response: errorResponse('INVALID_INPUT', { field: 'file' }) };
  }
}

/** The form's `file` checked by `schema` (name, size, emptiness), or the error response naming the field. */
export function uploadedFile(form: FormData, schema: z.ZodType<File>): { ok: true; file: File } | { ok: false; response: Response } {
  const parsed = schema.safeParse(form.get('file'));
  if (parsed.success) return { ok: true, file: parsed.data };
  const issue = parsed.error.issues[0]!;
  const refusal = uploadRefusalOf(issue);
  return { ok: false, response: errorResponse(refusal.code, { field: 'file', reason: refusal.reason }) };
}
