import { findChangeRequest, findLatestChangeRequest, findSubjectById } from '@/db/queries/change-requests';
import { findEnterpriseVerification } from '@/db/queries/enterprise-verifications';
import { findPersonalVerification } from '@/db/queries/personal-verifications';
import { findAccountProcess, findCurrentSubject } from '@/db/queries/subjects';
import type { ChangeRequestRow, SubjectRow } from '@/db/schema';
import type { ChangeState } from '@/lib/domain/change/change-machines';
import { CHANGE_LINKED_VERIFICATION, CHANGE_TYPES_OF, type ChangeType, type SubjectKind } from '@/lib/domain/change/change-types';
import { checkPersonalChangeStart, offerChanges, type ChangeOffer, type ChangeOption, type ChangeRefusalReason } from '@/lib/domain/change/eligibility';
import { effectiveChangeState, isChangeOverdue } from '@/lib/domain/change/deadlines';
import { isPayoutInFlight } from '@/lib/domain/verification/payout-machine';
import { PERSONAL_IN_PROGRESS } from '@/lib/domain/verification/personal-machine';
import { ENTERPRISE_IN_PROGRESS } from '@/lib/domain/verification/enterprise-machine';
import { latestPayoutOfEnterprise } from '@/db/queries/payouts';
import { subjectDocumentLabel } from '@/lib/domain/identity/subject-document';
import { textOf } from '@/lib/messages';
import { maskIdentifier } from '@/lib/domain/mask';
import { enterpriseFailureText, type EnterpriseFailure } from '@/lib/domain/verification/enterprise-outcome';
import { personalFailureText, type PersonalFailure } from '@/lib/domain/verification/personal-outcome';
import { AppError } from '@/lib/errors';
import { decryptField } from '@/lib/security/crypto';
import { CHANGE_PROCESS } from '@/db/schema';
import { isUuid } from '@/lib/schemas/uuid';
import { changeFacts } from './change-request-steps';
import { SUBJECT_DOCUMENT_CONTEXT } from '@/db/schema';
import type { ServiceContext } from '../context';
import { consentNeeded } from '@/lib/features/account';
import { getChannelSession, type ChannelSessionView } from '@/lib/features/channels';

export interface ChangeSubjectView {
  kind: SubjectKind;
  name: string;
  typeLabel: string;
  numberMasked: string;
}

export interface SubjectChangeView {
  id: string;
  /** Its label: the catalogue's change.type.<type>; the state's: change.state.<state>. */
  type: ChangeType | null;
  state: ChangeState;
  /** The subject in force (R-CHG-2), masked. */
  subject: ChangeSubjectView;
  /** Face check: the channel used for the current subject (face for a mainland ID, WeChat for a permit), its session. */
  faceChannel: 'face' | 'wechat';
  faceConsentNeeded: boolean;
  session: ChannelSessionView | null;
  /** choosing: both personal types, with the cool-down's reason when not yet. */
  options: ChangeOption[];
  /** new_data: 《接受实名认证主体变更协议》 still to be ticked. */
  acceptNeeded: boolean;
  /** The wizard that proves the new subject. */
  wizardHref: string | null;
  /** The linked verification: still running, or the reason the last one failed (back at new_data). */
  linked: { state: string; failureText: string | null } | null;
  completedAt: Date | null;
  newSubjectName: string | null;
}

export type SubjectChangePage =
  | { kind: 'no_subject' }
  /** A first verification (not a change) is in progress: R-LIM-9. */
  | { kind: 'other_process' }
  /** 修改个人实名认证 / 修改企业实名认证 with 开始修改 (or why not yet). */
  | {
      kind: 'start';
      subject: ChangeSubjectView;
      types: ChangeType[];
      refusal: ChangeRefusalReason | null;
      /** An enterprise's three types (R-CHG-E1 … E3): which may start now, why not, and the legal-rep hint when hidden. */
      offer: ChangeOffer | null;
      /** The newest request expired (by its sweeper or its step) within the last 30 days: the page says so above the choices. */
      lastExpired: boolean;
    }
  | { kind: 'change'; change: SubjectChangeView };

export const WIZARD_OF: Record<'personal' | 'enterprise', string> = {
  personal: '/account/verification/personal',
  enterprise: '/account/verification/enterprise',
};

/**
 * Everything the change pages show the signed-in account: the request in progress at
 * its step, or — with `showId` — a finished one (变更完成 / 已撤销 / 已过期), or the
 * explanation page that starts one. A pure read: a request past its 7 days reads
 * 已过期 at once (SPEC §8), but only the sweeper (expire-due-change-requests) or the next
 * step action writes that.
 */
const EXPIRED_NOTICE_MS = 30 * 24 * 60 * 60 * 1000;

export async function getSubjectChange(ctx: ServiceContext, accountId: string, showId?: string): Promise<SubjectChangePage> {
  const now = await ctx.clock.now();
  const process = await findAccountProcess(ctx.db, accountId);
  if (process && process.kind !== CHANGE_PROCESS) return { kind: 'other_process' };
  if (process) {
    const row = await findChangeRequest(ctx.db, accountId, process.processId);
    if (row) return { kind: 'change', change: await toView(ctx, await changeAt(ctx, row, now)) };
  }
  if (showId && isUuid(showId)) {
    const row = await findChangeRequest(ctx.db, accountId, showId);
    if (row) return { kind: 'change', change: await toView(ctx, await changeAt(ctx, row, now)) };
  }
  const subject = await findCurrentSubject(ctx.db, accountId);
  if (!subject) return { kind: 'no_subject' };
  const facts = await changeFacts(ctx.db, accountId, now, subject);
  const check = subject.kind === 'person' ? checkPersonalChangeStart(facts) : null;
  const latest = await findLatestChangeRequest(ctx.db, accountId);
  const expiredAt = latest?.state === 'expired' ? latest.completedAt : null;
  return {
    lastExpired: expiredAt !== null && now.getTime() - expiredAt.getTime() <= EXPIRED_NOTICE_MS,
    kind: 'start',
    subject: subjectView(subject),
    types: [...CHANGE_TYPES_OF[subject.kind]],
    refusal: check && !check.ok ? check.reason : null,
    offer: subject.kind === 'enterprise' ? offerChanges(facts) : null,
  };
}

/** What the face-check page polls (no personal data). */
export async function getSubjectChangeStatus(ctx: ServiceContext, accountId: string, changeId: string) {
  const row = isUuid(changeId) ? await findChangeRequest(ctx.db, accountId, changeId) : undefined;
  if (!row) throw new AppError('NOT_FOUND');
  const state = (await changeAt(ctx, row, await ctx.clock.now())).state;
  const session = row.faceSessionId && (state === 'face_checking' || state === 'rep_checking') ? await getChannelSession(ctx, row.faceSessionId) : null;
  return { state, sessionState: session?.state ?? null };
}

/**
 * The request as it reads at `now`, written nowhere: expired once its deadline passed
 * (dated at the deadline), unless its linked payout is in flight and the sweeper must
 * leave it (end-change-request.ts).
 */
async function changeAt(ctx: ServiceContext, row: ChangeRequestRow, now: Date): Promise<ChangeRequestRow> {
  if (!row.type || !isChangeOverdue(row.type, row.state, row.createdAt, now)) return row;
  const state = effectiveChangeState(row.type, row.state, row.createdAt, now, await linkedPayoutInFlight(ctx, row));
  return state === row.state ? row : { ...row, state, completedAt: row.expiresAt ?? now };
}

async function linkedPayoutInFlight(ctx: ServiceContext, row: ChangeRequestRow): Promise<boolean> {
  if (!row.enterpriseVerificationId) return false;
  const v = await findEnterpriseVerification(ctx.db, row.accountId, row.enterpriseVerificationId);
  if (v?.state !== 'awaiting_bank' || v.method !== 'payout') return false;
  const payout = await latestPayoutOfEnterprise(ctx.db, v.id);
  return payout !== undefined && isPayoutInFlight(payout.state);
}

function subjectView(subject: SubjectRow): ChangeSubjectView {
  return {
    kind: subject.kind,
    name: subject.name,
    // Worded here until the change module hands codes to its page (issue 17).
    typeLabel: textOf(subjectDocumentLabel(subject.kind, subject.documentType)),
    numberMasked: maskIdentifier(decryptField(subject.documentNumberEnc, SUBJECT_DOCUMENT_CONTEXT)),
  };
}

async function toView(ctx: ServiceContext, row: ChangeRequestRow): Promise<SubjectChangeView> {
  const now = await ctx.clock.now();
  const [old, fresh] = await Promise.all([findSubjectOrThrow(ctx, row.oldSubjectId), row.newSubjectId ? findSubjectOrThrow(ctx, row.newSubjectId) : null]);
  const linkedKind = row.type ? CHANGE_LINKED_VERIFICATION[row.type] : null;
  const checking = row.state === 'face_check' || row.state === 'face_checking';
  return {
    id: row.id,
    type: row.type,
    state: row.state,
    subject: subjectView(old),
    faceChannel: old.documentType === 'resident_id' ? 'face' : 'wechat',
    faceConsentNeeded: checking && (await consentNeeded(ctx.db, { accountId: row.accountId, purpose: 'face', processRef: `subject_change:${row.id}` })),
    session: checking && row.faceSessionId ? await getChannelSession(ctx, row.faceSessionId) : null,
    options: row.state === 'choosing' ? choosingOptions(await changeFacts(ctx.db, row.accountId, now, old)) : [],
    acceptNeeded:
      (row.state === 'new_data' || row.state === 'verifying') &&
      (await consentNeeded(ctx.db, { accountId: row.accountId, purpose: 'subject_change_accept', processRef: `subject_change:${row.id}` })),
    wizardHref: linkedKind ? WIZARD_OF[linkedKind] : null,
    linked: await linkedView(ctx, row),
    completedAt: row.completedAt,
    newSubjectName: fresh?.name ?? null,
  };
}

/** The choice of R-CHG-P2, as offered on the request in progress (it is not "another" process). */
function choosingOptions(facts: Awaited<ReturnType<typeof changeFacts>>): ChangeOption[] {
  return offerChanges({ ...facts, inProgress: null }).options;
}

async function linkedView(ctx: ServiceContext, row: ChangeRequestRow): Promise<SubjectChangeView['linked']> {
  const linked = await storedLinkedView(ctx, row);
  // An expired request's unfinished verification is cancelled with it (end-change-request.ts), whether or not the sweeper ran yet.
  return linked && row.state === 'expired' && LINKED_UNFINISHED.includes(linked.state) ? { ...linked, state: 'cancelled' } : linked;
}

const LINKED_UNFINISHED: readonly string[] = [...PERSONAL_IN_PROGRESS, ...ENTERPRISE_IN_PROGRESS];

async function storedLinkedView(ctx: ServiceContext, row: ChangeRequestRow): Promise<SubjectChangeView['linked']> {
  if (row.personalVerificationId) {
    const v = await findPersonalVerification(ctx.db, row.accountId, row.personalVerificationId);
    if (!v) return null;
    return { state: v.state, failureText: v.failureCode ? textOf(personalFailureText(v.failureCode as PersonalFailure, v.method)) : null };
  }
  if (row.enterpriseVerificationId) {
    const v = await findEnterpriseVerification(ctx.db, row.accountId, row.enterpriseVerificationId);
    if (!v) return null;
    return { state: v.state, failureText: v.failureCode ? textOf(enterpriseFailureText(v.failureCode as EnterpriseFailure)) : null };
  }
  return null;
}

async function findSubjectOrThrow(ctx: ServiceContext, id: string): Promise<SubjectRow> {
  const subject = await findSubjectById(ctx.db, id);
  if (!subject) throw new AppError('NOT_FOUND');
  return subject;
}
