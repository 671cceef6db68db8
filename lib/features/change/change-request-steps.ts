import { isUuid } from '@/lib/schemas/uuid';
import { CHANGE_PROCESS } from '@/db/schema';
import type { Db } from '@/db/client';
import { appendAudit } from '@/db/queries/audit';
import { accountWasEverEnterprise, findSubjectById, insertChangeRequest, lockChangeRequest, updateChangeRequest } from '@/db/queries/change-requests';
import { claimAccountProcess, findAccountProcess, findCurrentSubject } from '@/db/queries/subjects';
import type { ChangeRequestRow, SubjectRow } from '@/db/schema';
import { auditTarget } from '@/lib/domain/audit';
import { changeTransition, isPersonChangeState, personChangeTransition, type ChangeEvent, type ChangeState } from '@/lib/domain/change/change-machines';
import type { ChangeFacts } from '@/lib/domain/change/eligibility';
import type { ConsentPurpose } from '@/lib/domain/consent';
import { LICENCE_TYPES } from '@/lib/domain/identity/enterprise-code';
import { AppError } from '@/lib/errors';
import { decryptField } from '@/lib/security/crypto';
import { SUBJECT_DOCUMENT_CONTEXT } from '@/db/schema';
import { requireConsentInTx } from '@/lib/features/account';

type Changes = Parameters<typeof updateChangeRequest>[2];




/** Where a request's state table says `event` leads; a personal request before its choice has no type yet and walks the shared personal table. */
export function changeRequestTransition(row: Pick<ChangeRequestRow, 'type' | 'state'>, event: ChangeEvent): ChangeState | null {
  return row.type ? changeTransition(row.type, row.state, event) : isPersonChangeState(row.state) ? personChangeTransition(row.state, event) : null;
}

/**
 * Applies one event of the request's state table to a locked row, with its audit row
 * (every change transition writes exactly one). A move the table does not allow (a
 * stale page, a step skipped — SECURITY 27) is refused.
 */
export async function moveChangeRequest(
  tx: Db,
  row: ChangeRequestRow,
  event: ChangeEvent,
  now: Date,
  changes: Changes = {},
  actorAccountId: string | null = row.accountId,
): Promise<ChangeRequestRow> {
  const state = changeRequestTransition(row, event);
  if (!state) throw new AppError('STEP_NOT_ALLOWED');
  const updated = await updateChangeRequest(tx, row, { ...changes, state, updatedAt: now });
  if (!updated) throw new AppError('CONFLICT');
  await appendAudit(tx, {
    at: now,
    action: `subject_change.${event}`,
    actorAccountId,
    accountId: row.accountId,
    target: auditTarget('subject_change', row.id),
    data: { from: row.state, to: state, type: updated.type },
  });
  return updated;
}

/**
 * Creates a change request inside `tx` together with the account's one process (R-LIM-9:
 * the primary key of account_processes settles a race between two starts — the loser gets
 * PROCESS_IN_PROGRESS), the consents given with the start form (each required), and the
 * request's first audit row, `subject_change.started` (its `data` adds to the state and type).
 */
export async function insertChangeRequestWithProcess(
  tx: Db,
  values: Parameters<typeof insertChangeRequest>[1],
  consents: readonly { purpose: ConsentPurpose; given: string | undefined }[],
  data: Record<string, unknown> = {},
): Promise<ChangeRequestRow> {
  const row = await insertChangeRequest(tx, values);
  if (!(await claimAccountProcess(tx, { accountId: row.accountId, kind: CHANGE_PROCESS, processId: row.id, startedAt: row.createdAt }))) {
    throw new AppError('PROCESS_IN_PROGRESS');
  }
  for (const consent of consents) {
    await requireConsentInTx(tx, { accountId: row.accountId, purpose: consent.purpose, processRef: `subject_change:${row.id}`, given: consent.given }, row.createdAt);
  }
  await appendAudit(tx, {
    at: row.createdAt,
    action: 'subject_change.started',
    actorAccountId: row.accountId,
    accountId: row.accountId,
    target: auditTarget('subject_change', row.id),
    data: { to: row.state, type: row.type, ...data },
  });
  return row;
}

/** Loads the account's request FOR UPDATE inside `tx`; another account's id is NOT_FOUND (IDOR). */
export async function lockOwnChangeRequest(tx: Db, accountId: string, changeId: string): Promise<ChangeRequestRow> {
  const row = isUuid(changeId) ? await lockChangeRequest(tx, accountId, changeId) : undefined;
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** What the §6 rules need to know about the account now (lib/domain/change/eligibility.ts). */
export async function changeFacts(db: Db, accountId: string, now: Date, subject?: SubjectRow): Promise<ChangeFacts> {
  const current = subject ?? (await findCurrentSubject(db, accountId));
  const [process, everEnterprise] = await Promise.all([findAccountProcess(db, accountId), accountWasEverEnterprise(db, accountId)]);
  return {
    now,
    subject: current
      ? {
          kind: current.kind,
          verifiedAt: current.verifiedAt,
          licenceType: current.kind === 'enterprise' ? (LICENCE_TYPES.find((t) => t === current.documentType) ?? null) : null,
          code: current.kind === 'enterprise' ? decryptField(current.documentNumberEnc, SUBJECT_DOCUMENT_CONTEXT) : null,
          // §5.1 collects the full registered name and its code; a record without a name is not complete (R-CHG-E2).
          complete: current.name.trim() !== '',
        }
      : null,
    everEnterprise,
    inProgress: process ? (process.kind === CHANGE_PROCESS ? 'change' : 'verification') : null,
  };
}

/** The subject a request started from (it stays current until completion, R-CHG-2). */
export async function oldSubjectOf(db: Db, row: ChangeRequestRow): Promise<SubjectRow> {
  const subject = await findSubjectById(db, row.oldSubjectId);
  if (!subject) throw new AppError('NOT_FOUND');
  return subject;
}
