import { appendAuditEntries } from '@/db/queries/audit';
import {
  claimIdleEnterpriseVerifications,
  claimIdlePersonalVerifications,
  claimUnreferencedUploads,
  deleteEndedEnterpriseVerifications,
  deleteEndedPersonalVerifications,
  markUploadsPurged,
} from '@/db/queries/retention';
import { releaseAccountProcess } from '@/db/queries/subjects';
import { env } from '@/lib/env';
import { retentionCutoffs, type RetentionSettings } from '@/lib/domain/retention';
import { PERSONAL_IN_PROGRESS } from '@/lib/domain/verification/personal-machine';
import { fileStoreNamed } from '@/lib/storage';
import { moveEnterprise } from './enterprise-verification-steps';
import { notifyAccount } from './notify-account';
import { movePersonal } from './personal-verification-steps';
import type { StorageServiceContext } from './store-upload';

export function retentionSettingsFromEnv(): RetentionSettings {
  const e = env();
  return { draftIdleDays: e.DRAFT_IDLE_DAYS, retentionDays: e.RETENTION_DAYS };
}

/**
 * The retention sweep (SECURITY 21; lib/domain/retention.ts), in three short
 * transactions of at most `limit` rows each, every row claimed FOR UPDATE SKIP LOCKED
 * so that any number of sweepers can run at once and each row is handled once:
 * 1. unfinished verifications idle too long are closed as abandoned (`expired`), the
 *    account is freed and told;
 * 2. failed, expired and cancelled verifications past the retention period are deleted
 *    (one audit row each; the audit log holds no clear personal data);
 * 3. stored files that nothing refers to any more are deleted from their store and
 *    marked purged (the row stays as a tombstone, served to nobody).
 * Enterprise verifications in a bank method are left to their own deadlines.
 */
export async function applyRetention(ctx: StorageServiceContext, settings: RetentionSettings = retentionSettingsFromEnv(), limit = 100) {
  const now = await ctx.clock.now();
  const cut = retentionCutoffs(now, settings);

  const abandoned = await ctx.db.transaction(async (tx) => {
    const personal = await claimIdlePersonalVerifications(tx, PERSONAL_IN_PROGRESS, cut.idleBefore, limit);
    for (const row of personal) {
      await movePersonal(tx, row, 'abandon', now, { completedAt: now }, null);
      await releaseAccountProcess(tx, row.accountId, row.id);
      await notifyAccount(tx, row.accountId, { kind: 'deadline_passed', what: `个人实名认证申请（${settings.draftIdleDays} 天未操作）` }, now);
    }
    const enterprise = await claimIdleEnterpriseVerifications(tx, ['draft', 'awaiting_channel'], cut.idleBefore, limit);
    for (const row of enterprise) {
      await moveEnterprise(tx, row, 'abandon', now, { completedAt: now }, null);
      await releaseAccountProcess(tx, row.accountId, row.id);
      await notifyAccount(tx, row.accountId, { kind: 'deadline_passed', what: `企业实名认证申请（${settings.draftIdleDays} 天未操作）` }, now);
    }
    return personal.length + enterprise.length;
  });

  const purged = await ctx.db.transaction(async (tx) => {
    const personal = await deleteEndedPersonalVerifications(tx, cut.endedBefore, limit);
    const enterprise = await deleteEndedEnterpriseVerifications(tx, cut.endedBefore, limit);
    const rows = [...personal.map((r) => ({ ...r, kind: 'personal_verification' })), ...enterprise.map((r) => ({ ...r, kind: 'enterprise_verification' }))];
    await appendAuditEntries(
      tx,
      rows.map((r) => ({ at: now, action: 'retention.purged', accountId: r.accountId, target: `${r.kind}:${r.id}`, data: { state: r.state, retentionDays: settings.retentionDays } })),
    );
    return rows.length;
  });

  // After step 2, so that the licences of the attempts just deleted go in the same sweep.
  const files = await ctx.db.transaction(async (tx) => {
    const rows = await claimUnreferencedUploads(tx, cut.orphanUploadBefore, limit);
    for (const row of rows) {
      const store = ctx.fileStore?.name === row.store ? ctx.fileStore : fileStoreNamed(row.store);
      // Deleting twice is harmless: if this transaction fails, the next sweep deletes (nothing) and marks again.
      await store.delete(row.storageKey);
    }
    await markUploadsPurged(
      tx,
      rows.map((r) => r.id),
      now,
    );
    await appendAuditEntries(
      tx,
      rows.map((r) => ({ at: now, action: 'retention.upload_purged', accountId: r.accountId, target: `upload:${r.id}`, data: { purpose: r.purpose } })),
    );
    return rows.length;
  });

  return { abandoned, purged, files };
}
