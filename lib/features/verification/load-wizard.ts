import type { Db } from '@/db/client';
import type { ChangeRequestRow } from '@/db/schema';
import { findChangeRequest, findChangeRequestOfVerification } from '@/db/queries/change-requests';
import { findAccountProcess, findCurrentSubject } from '@/db/queries/subjects';
import { CHANGE_LINKED_VERIFICATION } from '@/lib/domain/change/change-types';
import { decryptField } from '@/lib/security/crypto';
import { CHANGE_NEW_CODE_CONTEXT, CHANGE_PROCESS } from '@/db/schema';
import type { ServiceContext } from '../context';
import type { LinkedKind } from './change-link';
import { consentNeeded } from '@/lib/features/account';

/** The change request a wizard runs for (ADR 0013): the page says so and goes back to it when done. */
export interface WizardChange {
  id: string;
  /** 《接受实名认证主体变更协议》 is on record (the new data may be entered). */
  agreed: boolean;
  /**
   * A → B (R-CHG-E1): the new enterprise the reviewer approved, to pre-fill the wizard's
   * step 1 (only the user's own page shows it; it must be submitted unchanged anyway).
   */
  newEnterprise?: { enterpriseName: string; code: string; province: string; city: string; district: string; addressDetail: string };
}

export type WizardState<V> = ({ kind: 'start' } | { kind: 'verified' } | { kind: 'other_process' } | { kind: 'verification'; verification: V }) & {
  change?: WizardChange;
};

/**
 * Which page a verification wizard shows the signed-in account (personal and
 * enterprise alike): another process in progress, this flow's unfinished attempt, how
 * the last attempt ended (认证完成, or the failure and a retry), or the start. While a
 * change request waits for its new subject of this flow's kind, the wizard runs for it
 * (its linked verification, or the start of one).
 */
export async function loadWizard<R extends { id: string; state: string }, V>(
  ctx: ServiceContext,
  accountId: string,
  flow: {
    process: string;
    linked: LinkedKind;
    find: (db: Db, accountId: string, id: string) => Promise<R | undefined>;
    latest: (db: Db, accountId: string) => Promise<R | undefined>;
    view: (row: R, now: Date) => Promise<V>;
  },
): Promise<WizardState<V>> {
  const now = await ctx.clock.now();
  const process = await findAccountProcess(ctx.db, accountId);
  if (process?.kind === CHANGE_PROCESS) {
    const change = await findChangeRequest(ctx.db, accountId, process.processId);
    const forThisFlow = change?.type && CHANGE_LINKED_VERIFICATION[change.type] === flow.linked && (change.state === 'new_data' || change.state === 'verifying');
    if (!change || !forThisFlow) return { kind: 'other_process' };
    const agreed = !(await consentNeeded(ctx.db, { accountId, purpose: 'subject_change_accept', processRef: `subject_change:${change.id}` }));
    const linkedId = change.state === 'verifying' ? (flow.linked === 'personal' ? change.personalVerificationId : change.enterpriseVerificationId) : null;
    const current = linkedId ? await flow.find(ctx.db, accountId, linkedId) : undefined;
    const link = { change: { id: change.id, agreed, ...newEnterpriseOf(change) } };
    return current ? { kind: 'verification', verification: await flow.view(current, now), ...link } : { kind: 'start', ...link };
  }
  if (process && process.kind !== flow.process) return { kind: 'other_process' };
  if (process) {
    const current = await flow.find(ctx.db, accountId, process.processId);
    if (current) return { kind: 'verification', verification: await flow.view(current, now) };
  }
  const row = await flow.latest(ctx.db, accountId);
  const subject = await findCurrentSubject(ctx.db, accountId);
  // After a change the current subject may be of the other kind: this flow's old success is not its page any more.
  const ownKind = subject?.kind === (flow.linked === 'personal' ? 'person' : 'enterprise');
  const showLast = row && (subject ? ownKind && row.state === 'succeeded' : row.state === 'failed');
  if (!row || !showLast) return subject ? { kind: 'verified' } : { kind: 'start' };
  // The verification that completed a change: its page leads back to the change (变更完成).
  const completedChange = await findChangeRequestOfVerification(ctx.db, flow.linked, row.id);
  return {
    kind: 'verification',
    verification: await flow.view(row, now),
    ...(completedChange ? { change: { id: completedChange.id, agreed: true } } : {}),
  };
}

function newEnterpriseOf(change: ChangeRequestRow): Pick<WizardChange, 'newEnterprise'> {
  if (change.type !== 'enterprise_to_enterprise' || !change.newName || !change.newCodeEnc) return {};
  return {
    newEnterprise: {
      enterpriseName: change.newName,
      code: decryptField(change.newCodeEnc, CHANGE_NEW_CODE_CONTEXT),
      province: change.province ?? '',
      city: change.city ?? '',
      district: change.district ?? '',
      addressDetail: change.addressDetail ?? '',
    },
  };
}
