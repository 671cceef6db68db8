import type { Db } from '@/db/client';
import { findChangeRequest, lockChangeRequestOfVerification } from '@/db/queries/change-requests';
import { findAccountProcess } from '@/db/queries/subjects';
import type { ChangeRequestRow } from '@/db/schema';
import { CHANGE_LINKED_VERIFICATION } from '@/lib/domain/change/change-types';
import { checkApprovedEnterprise, type EnterpriseNameAndCode } from '@/lib/domain/change/new-subject';
import { AppError } from '@/lib/errors';
import { decryptField } from '@/lib/security/crypto';
import { CHANGE_NEW_CODE_CONTEXT, CHANGE_PROCESS } from '@/db/schema';
import { isUuid } from '@/lib/schemas/uuid';
import { lockOwnChangeRequest, moveChangeRequest } from './change-request-steps';
import type { ServiceContext } from '../context';
import type { LinkedKind } from '@/lib/features/verification';
import { requireConsentInTx } from '@/lib/features/account';

/**
 * The change request a wizard runs for (ADR 0013: the verification flows are reused by
 * linking): the account's request in progress, at the new subject's data or verifying it,
 * of a type whose new subject this wizard proves. Answers the linked verification still
 * open, when there is one, so that the wizard resumes it instead of starting another.
 */
export async function changeAwaitingNewSubject(
  db: Db,
  accountId: string,
  changeRequestId: string,
  kind: LinkedKind,
  /** The enterprise the wizard's step 1 submits (normalised): an A → B request takes only the enterprise the reviewer approved. */
  submitted?: EnterpriseNameAndCode,
): Promise<{ change: ChangeRequestRow; linkedId: string | null }> {
  const change = isUuid(changeRequestId) ? await findChangeRequest(db, accountId, changeRequestId) : undefined;
  if (!change) throw new AppError('NOT_FOUND');
  const process = await findAccountProcess(db, accountId);
  const running = process?.kind === CHANGE_PROCESS && process.processId === change.id;
  if (!running || !change.type || CHANGE_LINKED_VERIFICATION[change.type] !== kind || (change.state !== 'new_data' && change.state !== 'verifying')) {
    throw new AppError('STEP_NOT_ALLOWED');
  }
  if (change.type === 'enterprise_to_enterprise') requireApprovedEnterprise(change, submitted);
  const linkedId = change.state === 'verifying' ? (kind === 'personal' ? change.personalVerificationId : change.enterpriseVerificationId) : null;
  return { change, linkedId };
}

/**
 * R-CHG-E1: after an A → B approval the linked verification must be for the request's
 * new enterprise — its code (the reviewer approved that one) and its name; the refusal
 * sits beside the field that differs.
 */
function requireApprovedEnterprise(change: ChangeRequestRow, submitted: EnterpriseNameAndCode | undefined) {
  if (!change.newName || !change.newCodeEnc) throw new AppError('STEP_NOT_ALLOWED');
  const requested = { name: change.newName, code: decryptField(change.newCodeEnc, CHANGE_NEW_CODE_CONTEXT) };
  if (!submitted) throw new AppError('INVALID_INPUT', { field: 'code', reason: { code: 'change.new_subject.not_requested_enterprise' } });
  const check = checkApprovedEnterprise(requested, submitted);
  if (check.ok) return;
  const field = requested.code === submitted.code ? 'enterpriseName' : 'code';
  throw new AppError('INVALID_INPUT', { field, reason: { code: `change.new_subject.${check.refusal}` } });
}

/**
 * The wizards' way to know they run for a change: the account's change request in
 * progress, when it waits for a new subject of `kind` (its data or its verification).
 * The wizard's form then starts or edits the linked verification.
 */
export async function runningChangeLink(ctx: ServiceContext, accountId: string, kind: LinkedKind): Promise<{ changeRequestId: string } | undefined> {
  const process = await findAccountProcess(ctx.db, accountId);
  if (process?.kind !== CHANGE_PROCESS) return undefined;
  const change = await findChangeRequest(ctx.db, accountId, process.processId);
  const waiting = change?.type && CHANGE_LINKED_VERIFICATION[change.type] === kind && (change.state === 'new_data' || change.state === 'verifying');
  return waiting ? { changeRequestId: change.id } : undefined;
}

/**
 * Links a verification just created for the new subject to its request (new_data →
 * verifying), in the transaction that created it. The new owner's 《接受实名认证主体变更协议》
 * must be on record for this request (accept-change-agreement.ts).
 */
export async function linkChangeVerificationInTx(tx: Db, accountId: string, changeRequestId: string, kind: LinkedKind, verificationId: string, now: Date) {
  const change = await lockOwnChangeRequest(tx, accountId, changeRequestId);
  await requireConsentInTx(tx, { accountId, purpose: 'subject_change_accept', processRef: `subject_change:${change.id}`, given: undefined }, now);
  await moveChangeRequest(tx, change, 'link_verification', now, kind === 'personal' ? { personalVerificationId: verificationId } : { enterpriseVerificationId: verificationId });
}

/**
 * A linked verification ended without proving the new subject (failed — a limit refused
 * at completion included —, expired, abandoned or cancelled from its wizard): its request
 * goes back to the new subject's data, to be entered again or 撤销. Called by the
 * verification's state step in the same transaction (the verification row is locked
 * first, then the request, as everywhere). A request that moved on already changes nothing.
 */
export async function linkedVerificationEndedInTx(tx: Db, kind: LinkedKind, verification: { id: string; state: string }, now: Date) {
  if (verification.state !== 'failed' && verification.state !== 'expired' && verification.state !== 'cancelled') return;
  const change = await lockChangeRequestOfVerification(tx, kind, verification.id);
  if (!change || change.state !== 'verifying') return;
  await moveChangeRequest(tx, change, 'verification_failed', now, {}, null);
}
