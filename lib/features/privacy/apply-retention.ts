import { appendAuditEntries, type AuditEntry } from '@/db/queries/audit';
import {
  claimIdleEnterpriseVerifications,
  claimIdlePersonalVerifications,
  claimUnreferencedUploads,
  deleteEndedEnterpriseVerifications,
  deleteEndedPersonalVerifications,
  findIdleChangeRequests,
  markUploadsPurged,
  scrubEndedChangeRequests,
} from '@/db/queries/retention';
import { releaseAccountProcess } from '@/db/queries/subjects';
import { auditTarget } from '@/lib/domain/audit';
import { env } from '@/lib/env';
import { retentionCutoffs, type RetentionSettings } from '@/lib/domain/retention';
import { PERSONAL_IN_PROGRESS } from '@/lib/domain/verification/personal-machine';
import { AppError } from '@/lib/errors';
import { text } from '@/lib/messages';
import { fileStoreNamed } from '@/lib/storage';
import type { ChangeState } from '@/lib/domain/change/change-machines';
import { endChangeRequestInTx } from '@/lib/features/change';
import { moveEnterprise } from '@/lib/features/enterprise';
import { notifyAccount } from '@/lib/features/notifications';
import { movePersonal } from '@/lib/features/personal';
import type { StorageServiceContext } from '@/lib/features/uploads';

export function retentionSettingsFromEnv(): RetentionSettings {
  const e = env();
  return { draftIdleDays: e.DRAFT_IDLE_DAYS, retentionDays: e.RETENTION_DAYS };
}

/**
 * The retention sweep (SECURITY 21; lib/domain/retention.ts), in three short
 * transactions of at most `limit` rows each, every row claimed FOR UPDATE SKIP LOCKED
 * so that any number of sweepers can run at once and each row is handled once:
 * 1. unfinished verifications idle too long are closed as abandoned (`expired`), the
 *    account is freed and told; so are change requests waiting for their user (closed as
 *    撤销 by nobody, each in a transaction of its own — end-change-request.ts);
 * 2. failed, expired and cancelled verifications past the retention period are deleted
 *    (one audit row each; the audit log holds no clear personal data); ended change
 *    requests keep their history but lose their ID and code numbers;
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
      await notifyAccount(tx, row.accountId, { kind: 'deadline_passed', what: text('privacy.retention.idle.personal', { days: settings.draftIdleDays }) }, now);
    }
    const enterprise = await claimIdleEnterpriseVerifications(tx, ['draft', 'awaiting_channel'], cut.idleBefore, limit);
    for (const row of enterprise) {
      await moveEnterprise(tx, row, 'abandon', now, { completedAt: now }, null);
      await releaseAccountProcess(tx, row.accountId, row.id);
      await notifyAccount(tx, row.accountId, { kind: 'deadline_passed', what: text('privacy.retention.idle.enterprise', { days: settings.draftIdleDays }) }, now);
    }
    return personal.length + enterprise.length;
  });
  const abandonedChanges = await abandonIdleChangeRequests(ctx, cut.idleBefore, now, settings.draftIdleDays, limit);

  const purged = await ctx.db.transaction(async (tx) => {
    const personal = await deleteEndedPersonalVerifications(tx, cut.endedBefore, limit);
    const enterprise = await deleteEndedEnterpriseVerifications(tx, cut.endedBefore, limit);
    const rows = [...personal.map((r) => ({ ...r, kind: 'personal_verification' as const })), ...enterprise.map((r) => ({ ...r, kind: 'enterprise_verification' as const }))];
    const scrubbed = await scrubEndedChangeRequests(tx, cut.endedBefore, limit);
    await appendAuditEntries(tx, [
      ...rows.map((r): AuditEntry => ({ at: now, action: 'retention.purged', accountId: r.accountId, target: auditTarget(r.kind, r.id), data: { state: r.state, retentionDays: settings.retentionDays } })),
      ...scrubbed.map((r): AuditEntry => ({ at: now, action: 'retention.scrubbed', accountId: r.accountId, target: auditTarget('subject_change', r.id), data: { state: r.state, retentionDays: settings.retentionDays } })),
    ]);
    return rows.length + scrubbed.length;
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
      rows.map((r) => ({ at: now, action: 'retention.upload_purged', accountId: r.accountId, target: auditTarget('upload', r.id), data: { purpose: r.purpose } })),
    );
    return rows.length;
  });

  return { abandoned: abandoned + abandonedChanges, purged, files };
}

/** The steps of a change request that wait for its user (not for a reviewer, a bank or a linked verification, which have clocks of their own). */
const CHANGE_WAITING_FOR_USER: readonly ChangeState[] = ['face_check', 'face_checking', 'choosing', 'new_data', 'proofs', 'rejected', 'new_name', 'rep_data', 'rep_checking'];

async function abandonIdleChangeRequests(ctx: StorageServiceContext, idleBefore: Date, now: Date, idleDays: number, limit: number): Promise<number> {
  let closed = 0;
  for (const row of await findIdleChangeRequests(ctx.db, CHANGE_WAITING_FOR_USER, idleBefore, limit)) {
    try {
      closed += await ctx.db.transaction(async (tx) => {
        if (!(await endChangeRequestInTx(tx, row, 'cancel', now, null, true))) return 0;
        await notifyAccount(tx, row.accountId, { kind: 'deadline_passed', what: text('privacy.retention.idle.change', { days: idleDays }) }, now);
        return 1;
      });
    } catch (error) {
      // Moved on since it was read (CONFLICT, STEP_NOT_ALLOWED): not idle any more.
      if (!(error instanceof AppError)) throw error;
    }
  }
  return closed;
}
