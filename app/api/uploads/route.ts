import { z } from 'zod';
import { allowedOrigins } from '@/lib/action';
import { getCurrentUser } from '@/lib/auth/session';
import { AppError, errorResponse, type ErrorCode } from '@/lib/errors';
import { MAX_UPLOAD_REQUEST_BYTES, uploadErrorCodeOf, uploadSchemaFor } from '@/lib/schemas/upload';
import { getServiceContext } from '@/lib/services/context';
import { recordRefusedUpload, storeUpload } from '@/lib/services/store-upload';
import { purposeAllowsPdf, UPLOAD_PURPOSES } from '@/lib/storage/purposes';

const purposeSchema = z.enum(UPLOAD_PURPOSES, { error: '请选择文件用途' });

/**
 * CSRF guard of a cookie-authenticated route (SECURITY 24): the browser's Origin must be
 * the app's own (the same rule as server actions, lib/action.ts), and a browser that
 * sends Sec-Fetch-Site must call it same-origin.
 */
function isSameOrigin(h: Headers): boolean {
  const site = h.get('sec-fetch-site');
  if (site !== null && site !== 'same-origin') return false;
  const origin = h.get('origin');
  return origin !== null && allowedOrigins(h).has(origin);
}

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

function uploadError(error: AppError | ErrorCode) {
  return typeof error === 'string' ? errorResponse(error) : errorResponse(error.code, error.detail);
}

/**
 * POST /api/uploads — multipart `file` + `purpose` → 201 {id, contentType}, or
 * {error: {code, message, field}} with 4xx. Origin → session → size → zod → storeUpload.
 */
export async function POST(req: Request) {
  if (!isSameOrigin(req.headers)) {
    await recordRefusedUpload(await getServiceContext(), { reason: 'BAD_ORIGIN' });
    return errorResponse('BAD_ORIGIN');
  }
  const user = await getCurrentUser();
  if (!user) {
    await recordRefusedUpload(await getServiceContext(), { reason: 'UNAUTHENTICATED' });
    return errorResponse('UNAUTHENTICATED');
  }

  // Refused before a byte of the body is read when the declared size is already too big.
  if (Number(req.headers.get('content-length') ?? 0) > MAX_UPLOAD_REQUEST_BYTES) return uploadError('UPLOAD_TOO_LARGE');
  const body = await readBody(req, MAX_UPLOAD_REQUEST_BYTES);
  if (!body) return uploadError('UPLOAD_TOO_LARGE');
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(body), { headers: { 'content-type': req.headers.get('content-type') ?? '' } }).formData();
  } catch {
    return errorResponse('INVALID_INPUT', { field: 'file' });
  }

  const purpose = purposeSchema.safeParse(form.get('purpose'));
  if (!purpose.success) return errorResponse('INVALID_INPUT', { field: 'purpose', message: purpose.error.issues[0]!.message });
  const allowPdf = purposeAllowsPdf(purpose.data);
  const file = uploadSchemaFor({ allowPdf }).safeParse(form.get('file'));
  if (!file.success) {
    const issue = file.error.issues[0]!;
    return errorResponse(uploadErrorCodeOf(issue) ?? 'INVALID_INPUT', { field: 'file', message: issue.message });
  }

  try {
    const bytes = new Uint8Array(await file.data.arrayBuffer());
    const stored = await storeUpload(await getServiceContext(), user.accountId, { purpose: purpose.data, bytes, allowPdf });
    return Response.json({ id: stored.id, contentType: stored.contentType }, { status: 201, headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    if (error instanceof AppError) return uploadError(error);
    throw error;
  }
}
