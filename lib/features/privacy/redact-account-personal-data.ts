import { randomUUID } from 'node:crypto';
import { appendAudit } from '@/db/queries/audit';
import { listBalanceEntries } from '@/db/queries/balance';
import {
  claimProcessForClosure,
  closeAccount,
  countBankReturnsInFlight,
  deleteAccountMessages,
  findAccountByNumber,
  findRunningBankMethod,
  listAccountUploads,
  lockAccountForRedaction,
  lockUnpurgedUploads,
  redactBankRecords,
  redactChangeRequests,
  redactChannelData,
  redactEnterpriseVerifications,
  redactPayoutVerifications,
  redactPersonalVerifications,
  redactReviewCases,
  redactSubjects,
} from '@/db/queries/redaction';
import { deleteRegistryRechecksOfAccount } from '@/db/queries/registry-rechecks';
import { markUploadsPurged } from '@/db/queries/retention';
import { findAccountProcess } from '@/db/queries/subjects';
import type { AccountRow, UploadRow } from '@/db/schema';
import { auditTarget } from '@/lib/domain/audit';
import { balanceOf } from '@/lib/domain/balance';
import { formatYuan } from '@/lib/domain/money';
import type { StaffRole } from '@/lib/domain/review/staff';
import { AppError } from '@/lib/errors';
import type { MessageRef } from '@/lib/messages';
import { errorKind, log } from '@/lib/ops/log';
import { fileStoreNamed } from '@/lib/storage';
import { authorizeReviewStaff } from '@/lib/features/account';
import { CHANGE_PROCESS } from '@/db/schema';
import type { ServiceContext } from '../context';
import { ENTERPRISE_PROCESS } from '@/db/schema';
import { PERSONAL_PROCESS } from '@/db/schema';
import type { StorageServiceContext } from '@/lib/features/uploads';

/** SPEC §13 删除个人信息: account managers only (the same staff who hold accounts' limits, SPEC §7). */
export const REDACTION_ROLES: readonly StaffRole[] = ['account_manager'];

export interface RedactAccountInput {
  accountNumber: string;
  /** Why (mandatory): kept in the audit row. */
  reason: string;
  /** The 账号ID typed again. */
  confirmAccountNumber: string;
}

export type RedactionCounts = Record<string, number>;

export type RedactAccountResult =
  | { status: 'redacted'; accountNumber: string; closedAt: Date; counts: RedactionCounts; filesDeleted: number }
  | { status: 'already_redacted'; accountNumber: string; closedAt: Date; filesDeleted: number };

/** A user account by its 账号ID: staff accounts are not redacted here (nor is anyone's own). */
export async function findUserAccount(ctx: ServiceContext, accountNumber: string): Promise<AccountRow> {
  const account = await findAccountByNumber(ctx.db, accountNumber);
  if (!account || account.role !== 'user') throw new AppError('USER_ACCOUNT_NOT_FOUND');
  return account;
}

/** The running process a redaction waits for, as the catalogue's `privacy.redaction.processRunning` names it. */
const PROCESS_NAME: Record<string, 'personal' | 'enterprise' | 'change'> = {
  [PERSONAL_PROCESS]: 'personal',
  [ENTERPRISE_PROCESS]: 'enterprise',
  [CHANGE_PROCESS]: 'change',
};

/**
 * Why the account cannot be redacted now, naming what runs, or null. A running flow still
 * needs the data it collected (a payout goes to the bank account; a reviewer judges the
 * materials), and money on the balance can only go back to the account it came from.
 */
async function blockingReason(tx: ServiceContext['db'], accountId: string): Promise<MessageRef | null> {
  const process = await findAccountProcess(tx, accountId);
  if (process) {
    const bank = process.kind === ENTERPRISE_PROCESS ? await findRunningBankMethod(tx, process.processId) : null;
    return { code: 'privacy.redaction.processRunning', params: { process: PROCESS_NAME[process.kind] ?? 'other', bank: bank ?? '' } };
  }
  if ((await countBankReturnsInFlight(tx, accountId)) > 0) return { code: 'privacy.redaction.bankReturnInFlight' };
  const balance = balanceOf(await listBalanceEntries(tx, accountId));
  if (balance > 0) return { code: 'privacy.redaction.balanceLeft', params: { amount: formatYuan(balance) } };
  return null;
}

/**
 * 删除个人信息 (SPEC §13, ADR 0016): in ONE transaction, refuses while anything of the
 * account runs, otherwise overwrites or deletes every personal datum of the account in
 * the product's tables, signs it out everywhere, closes it (no sign-in any more), takes
 * its process slot for good and appends one `account.redacted` audit row (actor, reason,
 * counts — no personal data). The audit log itself is not touched: it holds no personal
 * data, so its hash chain stays valid (ADR 0004). The stored bytes of its files are
 * deleted after the commit; a crash in between leaves bytes nobody can read, which the
 * next redaction of the account (answered `already_redacted`) deletes again.
 */
export async function redactAccountPersonalData(ctx: StorageServiceContext, actorAccountId: string, input: RedactAccountInput): Promise<RedactAccountResult> {
  const now = await ctx.clock.now();
  await authorizeReviewStaff(ctx.db, actorAccountId, REDACTION_ROLES, now, 'account.redact');
  const reason = input.reason.trim();
  if (reason.length < 2) throw new AppError('INVALID_INPUT', { field: 'reason', reason: { code: 'privacy.redaction.reasonRequired' } });
  if (input.confirmAccountNumber !== input.accountNumber) {
    throw new AppError('INVALID_INPUT', { field: 'confirmAccountNumber', reason: { code: 'privacy.redaction.confirmMismatch' } });
  }
  const target = await findUserAccount(ctx, input.accountNumber);

  const outcome = await ctx.db.transaction(async (tx) => {
    const account = await lockAccountForRedaction(tx, target.id);
    if (!account) throw new AppError('USER_ACCOUNT_NOT_FOUND');
    if (account.closedAt) return { done: true as const, closedAt: account.closedAt };

    const blocked = await blockingReason(tx, account.id);
    if (blocked) throw new AppError('REDACTION_BLOCKED', { reason: blocked });
    // A start racing this transaction waits on the slot, then fails (R-LIM-9); none comes after.
    if (!(await claimProcessForClosure(tx, account.id, randomUUID(), now))) {
      throw new AppError('REDACTION_BLOCKED', { reason: (await blockingReason(tx, account.id)) ?? undefined });
    }

    const files = await lockUnpurgedUploads(tx, account.id);
    const counts: RedactionCounts = {
      subjects: await redactSubjects(tx, account.id, now),
      personalVerifications: await redactPersonalVerifications(tx, account.id),
      enterpriseVerifications: await redactEnterpriseVerifications(tx, account.id),
      payoutVerifications: await redactPayoutVerifications(tx, account.id),
      bankRecords: await redactBankRecords(tx, account.id),
      changeRequests: await redactChangeRequests(tx, account.id),
      reviewCaseItems: await redactReviewCases(tx, account.id),
      // A legal-rep proposal keeps a keyed hash of a person's name (ADR 0015).
      registryRechecks: await deleteRegistryRechecksOfAccount(tx, account.id),
      ...(await redactChannelData(tx, account.id)),
      ...(await deleteAccountMessages(tx, account.id)),
      files: files.length,
      ...(await closeAccount(tx, account, now)),
    };
    // Retention's tombstone: the row stays (what referred to it keeps its key), served to nobody.
    await markUploadsPurged(
      tx,
      files.map((f) => f.id),
      now,
    );
    await appendAudit(tx, {
      at: now,
      action: 'account.redacted',
      actorAccountId,
      accountId: account.id,
      target: auditTarget('account', account.id),
      data: { reason, counts },
    });
    return { done: false as const, closedAt: now, counts, files };
  });

  if (outcome.done) {
    // Done before (or by a redaction racing this one): only the bytes are deleted again, in case a crash kept them.
    const filesDeleted = await deleteStoredBytes(ctx, await listAccountUploads(ctx.db, target.id));
    return { status: 'already_redacted', accountNumber: target.accountNumber, closedAt: outcome.closedAt, filesDeleted };
  }
  const filesDeleted = await deleteStoredBytes(ctx, outcome.files);
  return { status: 'redacted', accountNumber: target.accountNumber, closedAt: outcome.closedAt, counts: outcome.counts, filesDeleted };
}

/** Deletes the bytes of `rows` from their stores (deleting what is gone is no error); a store failing leaves the rest to the next try. */
async function deleteStoredBytes(ctx: StorageServiceContext, rows: UploadRow[]): Promise<number> {
  let deleted = 0;
  for (const row of rows) {
    const store = ctx.fileStore?.name === row.store ? ctx.fileStore : fileStoreNamed(row.store);
    try {
      await store.delete(row.storageKey);
      deleted += 1;
    } catch (error) {
      log.warn({ event: 'redaction.file_not_deleted', uploadId: row.id, store: row.store, ...errorKind(error) });
    }
  }
  return deleted;
}
