import { z } from 'zod';
import { AppError, errorResponse, invalidInputResponse } from '@/lib/errors';
import { uploadSchemaFor } from '@/lib/schemas/upload';
import { getServiceContext } from '@/lib/features/runtime';
import { storeUpload } from '@/lib/features/uploads';
import { purposeAllowsPdf, UPLOAD_PURPOSES } from '@/lib/storage/purposes';
import { readUploadRequest, uploadedFile } from '../_lib/upload-request';

const purposeSchema = z.enum(UPLOAD_PURPOSES, { error: '请选择文件用途' });

/**
 * POST /api/uploads — multipart `file` + `purpose` → 201 {id, contentType}, or
 * {error: {code, message, field}} with 4xx. Origin → session → size → zod → storeUpload.
 */
export async function POST(req: Request) {
  const request = await readUploadRequest(req);
  if (!request.ok) return request.response;
  const purpose = purposeSchema.safeParse(request.form.get('purpose'));
  if (!purpose.success) return invalidInputResponse('purpose', purpose.error.issues[0]);
  const allowPdf = purposeAllowsPdf(purpose.data);
  const upload = uploadedFile(request.form, uploadSchemaFor({ allowPdf }));
  if (!upload.ok) return upload.response;

  try {
    const bytes = new Uint8Array(await upload.file.arrayBuffer());
    const stored = await storeUpload(await getServiceContext(), request.user.accountId, { purpose: purpose.data, bytes, allowPdf });
    return Response.json({ id: stored.id, contentType: stored.contentType }, { status: 201, headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    if (error instanceof AppError) return errorResponse(error.code, error.detail);
    throw error;
  }
}
