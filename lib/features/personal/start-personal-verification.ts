import { DOCUMENT_NUMBER_CONTEXT, PERSONAL_PROCESS } from '@/db/schema';
import { appendAudit } from '@/db/queries/audit';
import {
  findPersonalVerification,
  insertPersonalVerification,
  lockPersonalVerification,
  updatePersonalVerification,
} from '@/db/queries/personal-verifications';
import { claimAccountProcess, countCurrentHolders, findAccountProcess, findCurrentSubject } from '@/db/queries/subjects';
import type { PersonalVerificationRow } from '@/db/schema';
import { auditTarget } from '@/lib/domain/audit';
import { checkNewPerson } from '@/lib/domain/change/new-subject';
import { isValidAddress } from '@/lib/geo/divisions';
import { personalTransition } from '@/lib/domain/verification/personal-machine';
import { AppError } from '@/lib/errors';
import type { PersonalInfoInput } from '@/lib/schemas/personal-info';
import { blindIndex, decryptField, encryptField } from '@/lib/security/crypto';
import { createLimiter, type LimitRule } from '@/lib/security/rate-limit';
import { SUBJECT_DOCUMENT_CONTEXT } from '@/db/schema';
import type { ServiceContext } from '../context';
import { findSubjectById } from '@/db/queries/change-requests';
import { changeLink } from '@/lib/features/verification';
import { requireConfirmedEmail } from '@/lib/features/account';

export const IDENTITY_LIMIT_PERSON = 3;

/** SECURITY 28: one ID number may start at most 15 verifications a minute and 30 a day. */
export const START_PER_MINUTE: LimitRule = { name: 'verify-start-minute', points: 15, durationSeconds: 60 };
export const START_PER_DAY: LimitRule = { name: 'verify-start-day', points: 30, durationSeconds: 24 * 60 * 60 };

/** The blind index the limits count: document type + normalised number (R-LIM-1). */
export function personIdentityKey(documentType: string, documentNumber: string): string {
  return blindIndex(`${documentType}:${documentNumber}`, 'person-identity');
}

/**
 * Step 1 of the personal wizard (SPEC §4.1): saves the data as a draft, or replaces
 * the data of the account's unfinished personal verification (上一步 / 返回修改).
 * Fails early (R-LIM-3) when the account already has a subject (R-LIM-8), another
 * process is in progress (R-LIM-9), or the document already holds its 3 slots. With
 * `link`, the account's change request in progress is the process and its subject is
 * the one to replace: the new person must be another one.
 */
export async function startPersonalVerification(
  ctx: ServiceContext,
  accountId: string,
  input: PersonalInfoInput,
  /** 变更个人主体: the verification proves the new subject of this change request (ADR 0013). */
  link?: { changeRequestId: string },
) {
  await requireConfirmedEmail(ctx.db, accountId);
  if (!isValidAddress(input.province, input.city, input.district)) {
    throw new AppError('INVALID_INPUT', { field: 'district', reason: { code: 'enterprise.address.invalid' } });
  }
  const identityKey = personIdentityKey(input.documentType, input.documentNumber);
  const now = await ctx.clock.now();

  let resuming: PersonalVerificationRow | undefined;
  if (link) {
    // A linked verification is the one case where an account with a subject verifies (R-LIM-8).
    const { change, linkedId } = await changeLink.get().awaitingNewSubject(ctx.db, accountId, link.changeRequestId, 'personal');
    resuming = linkedId ? await findPersonalVerification(ctx.db, accountId, linkedId) : undefined;
    const current = await findSubjectById(ctx.db, change.oldSubjectId);
    if (!current) throw new AppError('NOT_FOUND');
    const same = checkNewPerson(
      { documentType: current.documentType, documentNumber: decryptField(current.documentNumberEnc, SUBJECT_DOCUMENT_CONTEXT) },
      input,
    );
    if (!same.ok) throw new AppError('INVALID_INPUT', { field: 'documentNumber', reason: { code: `change.new_subject.${same.refusal}` } });
  } else {
    const existing = await findAccountProcess(ctx.db, accountId);
    resuming = existing?.kind === PERSONAL_PROCESS ? await findPersonalVerification(ctx.db, accountId, existing.processId) : undefined;
    if (existing && !resuming) throw new AppError('PROCESS_IN_PROGRESS');
    if (await findCurrentSubject(ctx.db, accountId)) throw new AppError('SUBJECT_EXISTS');
  }

  if ((await countCurrentHolders(ctx.db, identityKey)) >= IDENTITY_LIMIT_PERSON) {
    await appendAudit(ctx.db, { at: now, action: 'limit.identity_full', actorAccountId: accountId, accountId, data: { stage: 'start' } });
    throw new AppError('IDENTITY_LIMIT');
  }
  if (!resuming || resuming.identityKey !== identityKey) {
    for (const rule of [START_PER_MINUTE, START_PER_DAY]) {
      if (!(await createLimiter(ctx.db, rule).take(identityKey)).allowed) {
        await appendAudit(ctx.db, { at: now, action: 'limit.verification_starts', actorAccountId: accountId, accountId, data: { rule: rule.name } });
        throw new AppError('RATE_LIMITED');
      }
    }
  }

  const data = {
    realName: input.realName,
    documentType: input.documentType,
    documentNumberEnc: encryptField(input.documentNumber, DOCUMENT_NUMBER_CONTEXT),
    identityKey,
    birthDate: input.birthDate ? isoDate(input.birthDate) : null,
    industry: input.industry,
    province: input.province,
    city: input.city,
    district: input.district,
    addressDetail: input.addressDetail,
  };

  return ctx.db.transaction(async (tx) => {
    if (resuming) {
      const row = await lockPersonalVerification(tx, accountId, resuming.id);
      const state = row && personalTransition(row.state, 'edit');
      if (!row || !state) throw new AppError('STEP_NOT_ALLOWED');
      await updatePersonalVerification(tx, row, { ...data, state, method: null, channelSessionId: null, updatedAt: now });
      await appendAudit(tx, { at: now, action: 'personal_verification.edited', actorAccountId: accountId, accountId, target: auditTarget('personal_verification', row.id) });
      return { verificationId: row.id };
    }
    const row = await insertPersonalVerification(tx, { accountId, state: 'draft', ...data, createdAt: now, updatedAt: now });
    if (link) {
      // The change request keeps the account's process; the verification is its step.
      await changeLink.get().linkVerificationInTx(tx, accountId, link.changeRequestId, 'personal', row.id, now);
    } else if (!(await claimAccountProcess(tx, { accountId, kind: PERSONAL_PROCESS, processId: row.id, startedAt: now }))) {
      // The primary key of account_processes settles a race between two first starts (R-LIM-9).
      throw new AppError('PROCESS_IN_PROGRESS');
    }
    await appendAudit(tx, { at: now, action: 'personal_verification.started', actorAccountId: accountId, accountId, target: auditTarget('personal_verification', row.id) });
    return { verificationId: row.id };
  });
}

function isoDate(d: { year: number; month: number; day: number }): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}
