import { AppError, errorResponse } from '@/lib/errors';
import { recogniseLicence } from '@/lib/ocr/recognise-licence';
import { uploadFileSchema } from '@/lib/schemas/upload';
import { getServiceContext } from '@/lib/services/context';
import { storeUpload } from '@/lib/services/store-upload';
import { readUploadRequest, uploadedFile } from '../../../_lib/upload-request';

/**
 * POST /api/verification/enterprise/licence — the enterprise wizard's licence field with
 * JS (multipart `file`): stores it as a `business_licence` upload, then recognises
 * 企业名称 and the code from the image (R-E-OCR) → 201 `{uploadId, name, code}`
 * (null where nothing was recognised). Errors as /api/uploads: `{error: {code, message, field}}`.
 */
export async function POST(req: Request) {
  const request = await readUploadRequest(req);
  if (!request.ok) return request.response;
  const upload = uploadedFile(request.form, uploadFileSchema);
  if (!upload.ok) return upload.response;

  const bytes = new Uint8Array(await upload.file.arrayBuffer());
  try {
    const stored = await storeUpload(await getServiceContext(), request.user.accountId, { purpose: 'business_licence', bytes });
    // Recognition never throws and never blocks: nulls when nothing was found.
    const recognition = await recogniseLicence(bytes);
    return Response.json({ uploadId: stored.id, name: recognition.name, code: recognition.code }, { status: 201, headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    if (error instanceof AppError) return errorResponse(error.code, error.detail);
    throw error;
  }
}
