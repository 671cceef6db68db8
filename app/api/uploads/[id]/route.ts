import { getCurrentUser } from '@/lib/auth/session';
import { errorResponse, isAppError } from '@/lib/errors';
import { getServiceContext } from '@/lib/features/runtime';
import { readUpload } from '@/lib/features/uploads';
import { FILE_CSP } from '@/proxy';

const EXTENSIONS: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'application/pdf': 'pdf' };

/**
 * GET /api/uploads/{id} — the bytes of an upload, to its owner or to staff only
 * (SECURITY 16, SPEC §9); anyone else, and a malformed id, gets the usual 404. The
 * response can neither be sniffed into another type, nor run script, nor be cached,
 * nor be embedded by another site.
 */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user) return errorResponse('UNAUTHENTICATED');
  const { id } = await params;
  try {
    const file = await readUpload(await getServiceContext(), { accountId: user.accountId, role: user.role }, id);
    return new Response(new Uint8Array(file.bytes), {
      status: 200,
      headers: {
        'Content-Type': file.contentType,
        'Content-Length': String(file.bytes.byteLength),
        'Content-Disposition': `inline; filename="${file.row.id}.${EXTENSIONS[file.contentType] ?? 'bin'}"`,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'private, no-store',
        'Content-Security-Policy': FILE_CSP,
        'Cross-Origin-Resource-Policy': 'same-origin',
      },
    });
  } catch (error) {
    if (isAppError(error)) return errorResponse(error.code);
    throw error;
  }
}
