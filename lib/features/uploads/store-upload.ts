import { createHash } from 'node:crypto';
import { appendAudit } from '@/db/queries/audit';
import { insertUpload } from '@/db/queries/uploads';
import { auditTarget } from '@/lib/domain/audit';
import { AppError, type ErrorCode } from '@/lib/errors';
import { createLimiter, type LimitRule } from '@/lib/security/rate-limit';
import { getFileStore, type FileStore } from '@/lib/storage';
import { inspectUpload } from '@/lib/storage/inspect-upload';
import { isUploadPurpose, type UploadPurpose } from '@/lib/storage/purposes';
import type { ServiceContext } from '../context';

/** Each upload is decoded and re-encoded: 30 per account per 10 minutes is plenty for a person. */
export const UPLOADS_PER_ACCOUNT: LimitRule = { name: 'uploads-account', points: 30, durationSeconds: 10 * 60 };

/** A context that may name the file store (tests); by default the one the environment configures. */
export type StorageServiceContext = ServiceContext & { fileStore?: FileStore };

/**
 * Stores one uploaded file (SECURITY 14–16): checks it by content (JPG/PNG, PDF only
 * when `allowPdf`), ≤ 5 MB, refuses pixel floods, re-encodes images without metadata
 * (EXIF rotation applied first), puts the bytes in the private store under a generated
 * key, then records the row and its audit entry in one transaction. A refused file
 * leaves nothing behind; if the row cannot be written, the stored bytes are removed.
 */
export async function storeUpload(
  ctx: StorageServiceContext,
  accountId: string,
  input: { purpose: UploadPurpose; bytes: Uint8Array; allowPdf?: boolean },
): Promise<{ id: string; contentType: string; width: number | null; height: number | null }> {
  if (!isUploadPurpose(input.purpose)) throw new AppError('INVALID_INPUT', { field: 'purpose' });
  const now = await ctx.clock.now(); // before the transaction (PGlite)

  if (!(await createLimiter(ctx.db, UPLOADS_PER_ACCOUNT).take(accountId)).allowed) {
    await appendAudit(ctx.db, { at: now, action: 'limit.uploads', actorAccountId: accountId, accountId, data: { rule: UPLOADS_PER_ACCOUNT.name } });
    throw new AppError('RATE_LIMITED', { field: 'file' });
  }

  const file = await inspectUpload(input.bytes, { allowPdf: input.allowPdf });
  const store = ctx.fileStore ?? getFileStore();
  const storageKey = await store.put(file.bytes, { contentType: file.contentType, extension: file.extension });
  try {
    return await ctx.db.transaction(async (tx) => {
      const row = await insertUpload(tx, {
        accountId,
        purpose: input.purpose,
        store: store.name,
        storageKey,
        contentType: file.contentType,
        byteSize: file.bytes.byteLength,
        sha256: createHash('sha256').update(file.bytes).digest('hex'),
        width: file.width,
        height: file.height,
        createdAt: now,
      });
      // No file name, no content: what it is for, its size and its type.
      await appendAudit(tx, {
        at: now,
        action: 'upload.stored',
        actorAccountId: accountId,
        accountId,
        target: auditTarget('upload', row.id),
        data: { purpose: input.purpose, byteSize: row.byteSize, contentType: row.contentType },
      });
      return { id: row.id, contentType: row.contentType, width: row.width, height: row.height };
    });
  } catch (error) {
    await store.delete(storageKey).catch(() => undefined);
    throw error;
  }
}

/**
 * Records a request to the upload route refused before any use case ran (foreign
 * Origin, no session), as the action wrapper does for server actions (SECURITY 32).
 */
export async function recordRefusedUpload(ctx: ServiceContext, refusal: { reason: ErrorCode; accountId?: string }) {
  await appendAudit(ctx.db, {
    at: await ctx.clock.now(),
    action: 'authorization.refused',
    actorAccountId: refusal.accountId,
    accountId: refusal.accountId,
    data: { reason: refusal.reason, route: 'uploads' },
  });
}
