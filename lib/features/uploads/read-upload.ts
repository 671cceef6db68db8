import { appendAudit } from '@/db/queries/audit';
import { findUpload } from '@/db/queries/uploads';
import type { Role, UploadRow } from '@/db/schema';
import { auditTarget } from '@/lib/domain/audit';
import { BACK_OFFICE_ROLES, isRoleIn } from '@/lib/domain/review/staff';
import { AppError } from '@/lib/errors';
import { fileStoreNamed } from '@/lib/storage';
import type { StorageServiceContext } from './store-upload';

/**
 * An uploaded file for `viewer` (SPEC §9): its owner, or staff (reviewer,
 * account_manager). Anyone else — and a malformed, unknown or purged id — gets the same
 * NOT_FOUND (SECURITY 11); a foreign account's attempt is audited as a refusal, and
 * staff reading another account's file is audited as a view of personal data.
 */
export async function readUpload(
  ctx: StorageServiceContext,
  viewer: { accountId: string; role: Role },
  uploadId: string,
): Promise<{ bytes: Uint8Array; contentType: string; row: UploadRow }> {
  const row = await findUpload(ctx.db, uploadId);
  if (!row) throw new AppError('NOT_FOUND');
  const owner = row.accountId === viewer.accountId;
  const staff = isRoleIn(viewer.role, BACK_OFFICE_ROLES);
  if (!owner && !staff) {
    await appendAudit(ctx.db, {
      at: await ctx.clock.now(),
      action: 'authorization.refused',
      actorAccountId: viewer.accountId,
      accountId: viewer.accountId,
      target: auditTarget('upload', row.id),
      data: { reason: 'NOT_FOUND' },
    });
    throw new AppError('NOT_FOUND');
  }

  const store = ctx.fileStore?.name === row.store ? ctx.fileStore : fileStoreNamed(row.store);
  const bytes = await store.get(row.storageKey);
  if (!bytes) throw new AppError('NOT_FOUND');
  if (!owner) {
    await appendAudit(ctx.db, {
      at: await ctx.clock.now(),
      action: 'upload.viewed',
      actorAccountId: viewer.accountId,
      accountId: row.accountId,
      target: auditTarget('upload', row.id),
      data: { purpose: row.purpose, role: viewer.role },
    });
  }
  return { bytes, contentType: row.contentType, row };
}
