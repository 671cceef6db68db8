import { z } from 'zod';
import { AppError, errorResponse } from '@/lib/errors';
import { type LicenceRecognition, recogniseLicence } from '@/lib/ocr/recognise-licence';
import { uploadFileSchema } from '@/lib/schemas/upload';
import { getServiceContext } from '@/lib/features/runtime';
import { storeUpload } from '@/lib/features/uploads';
import { readUploadRequest, uploadedFile } from '../../../_lib/upload-request';

const NDJSON = 'application/x-ndjson';

/** `recognise=no`: the user typed 企业名称 and the code before choosing the file — store it, read nothing. */
const optionsSchema = z.object({ recognise: z.enum(['yes', 'no']).default('yes') });

/**
 * POST /api/verification/enterprise/licence — the enterprise wizard's licence field with
 * JS (multipart `file`): stores it as a `business_licence` upload, then recognises
 * 企业名称 and the code from the image (R-E-OCR) → 201 `{uploadId, name, code, failed}`
 * (null where nothing was recognised; `failed` true when recognition itself failed and
 * uploading again may help). With `Accept: application/x-ndjson` the 201 body is a
 * stream: `{"ahead": N}` lines while the recognition waits its turn (N recognitions ahead
 * of it, 0 once it runs), then that object. With `recognise=no` (both fields already
 * typed) the licence is only stored: 201 `{uploadId, name: null, code: null, failed: false}`
 * at once. Errors as /api/uploads:
 * `{error: {code, message, field}}`.
 */
export async function POST(req: Request) {
  const request = await readUploadRequest(req);
  if (!request.ok) return request.response;
  const upload = uploadedFile(request.form, uploadFileSchema);
  if (!upload.ok) return upload.response;
  const options = optionsSchema.safeParse({ recognise: request.form.get('recognise') ?? undefined });
  if (!options.success) return errorResponse('INVALID_INPUT', { field: 'recognise' });

  const bytes = new Uint8Array(await upload.file.arrayBuffer());
  try {
    const stored = await storeUpload(await getServiceContext(), request.user.accountId, { purpose: 'business_licence', bytes });
    // Recognition never throws: nulls when nothing was found or it failed.
    const answer = (r: LicenceRecognition) => ({ uploadId: stored.id, name: r.name, code: r.code, failed: r.failed !== null });
    if (options.data.recognise === 'no') {
      return Response.json({ uploadId: stored.id, name: null, code: null, failed: false }, { status: 201, headers: { 'Cache-Control': 'no-store' } });
    }
    if (!req.headers.get('accept')?.includes(NDJSON)) {
      return Response.json(answer(await recogniseLicence(bytes)), { status: 201, headers: { 'Cache-Control': 'no-store' } });
    }
    const line = (value: object) => new TextEncoder().encode(`${JSON.stringify(value)}\n`);
    let gone = false; // the browser left: the recognition finishes, nobody hears it
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        const send = (value: object) => gone || controller.enqueue(line(value));
        send(answer(await recogniseLicence(bytes, (ahead) => send({ ahead }))));
        if (!gone) controller.close();
      },
      cancel() {
        gone = true;
      },
    });
    // nginx (deploy/nginx.conf) buffers proxied answers unless told: the places must reach the browser as they change.
    return new Response(body, { status: 201, headers: { 'Content-Type': NDJSON, 'Cache-Control': 'no-store', 'X-Accel-Buffering': 'no' } });
  } catch (error) {
    if (error instanceof AppError) return errorResponse(error.code, error.detail);
    throw error;
  }
}
