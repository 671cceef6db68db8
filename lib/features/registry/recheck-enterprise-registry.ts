import { randomUUID } from 'node:crypto';
import { appendAudit } from '@/db/queries/audit';
import { findSubjectById } from '@/db/queries/change-requests';
import {
  claimDueRegistryRechecks,
  lockRegistryRecheck,
  releaseRegistryRecheck,
  updateRegistryRecheck,
  type RegistryRecheckClaim,
} from '@/db/queries/registry-rechecks';
import { findAccountProcess, lockCurrentSubject } from '@/db/queries/subjects';
import { ChannelFailure } from '@/lib/channels/http-client';
import { lookUpEnterprise, type EnterpriseRecord } from '@/lib/channels/registry';
import { auditTarget, type AuditAction } from '@/lib/domain/audit';
import { isBusinessEntity } from '@/lib/domain/identity/enterprise-code';
import { isLicenceType } from '@/lib/domain/identity/subject-document-types';
import { decideRecheck, findRegistryChange, proposalValueKey, recheckDueBefore, type RegistryFinding } from '@/lib/domain/registry-recheck';
import { blindIndex, decryptField } from '@/lib/security/crypto';
import { SUBJECT_DOCUMENT_CONTEXT } from '@/db/schema';
import { registryCheckApplies } from '@/lib/features/enterprise';
import { notifyAccount } from '@/lib/features/notifications';
import type { ChannelServiceContext } from '@/lib/features/channels';

/** Subjects asked about per run (a tick of the product worker). */
export const RECHECK_BATCH = 10;
/** Long enough for one registry question (its own timeout is shorter); a worker that died loses its claim after it. */
const LEASE_SECONDS = 120;

/** The keyed hash a legal-rep proposal remembers the registry's legal rep by (never the name itself). */
export function registryLegalRepKey(normalisedName: string): string {
  return blindIndex(normalisedName, 'registry_recheck.legal_rep');
}

export type RecheckOutcome = 'proposed' | 'resolved' | 'unchanged' | 'unavailable' | 'skipped';

/**
 * SPEC §13 registry re-checks (docs/decisions/0015-registry-rechecks.md), run by the product
 * worker: each run leases a few verified enterprise subjects not asked about for
 * RECHECK_INTERVAL_DAYS (product clock; FOR UPDATE SKIP LOCKED — two workers never take the
 * same one) and asks the business registry for each, outside any transaction. When the
 * registry's name or legal rep differs from the subject on file, or the enterprise is 注销,
 * one proposal is recorded and the owner told once, in the transaction that records the
 * answer. A registry that fails (timeout, 5xx, garbage) changes nothing: the subject is
 * given back and asked about again at the next run (SECURITY 31).
 */
export async function recheckEnterpriseRegistry(ctx: ChannelServiceContext, options: { limit?: number } = {}): Promise<Record<RecheckOutcome, number>> {
  const now = await ctx.clock.now();
  const claims = await claimDueRegistryRechecks(ctx.db, { dueBefore: recheckDueBefore(now), limit: options.limit ?? RECHECK_BATCH, leaseSeconds: LEASE_SECONDS });
  const counts: Record<RecheckOutcome, number> = { proposed: 0, resolved: 0, unchanged: 0, unavailable: 0, skipped: 0 };
  for (const claim of claims) counts[await recheckSubject(ctx, claim, now)] += 1;
  return counts;
}

async function recheckSubject(ctx: ChannelServiceContext, claim: RegistryRecheckClaim, now: Date): Promise<RecheckOutcome> {
  const subject = await findSubjectById(ctx.db, claim.subjectId);
  if (!subject || subject.replacedAt) {
    await releaseRegistryRecheck(ctx.db, claim);
    return 'skipped';
  }
  const code = decryptField(subject.documentNumberEnc, SUBJECT_DOCUMENT_CONTEXT);
  let record: EnterpriseRecord | null = null;
  // Organisation codes are not in the business registry (R-E-REG): nothing to ask, due again in an interval.
  if (registryCheckApplies(subject.documentType, code)) {
    try {
      record = await lookUpEnterprise(code, ctx.channelTransport);
    } catch (error) {
      if (!(error instanceof ChannelFailure)) throw error;
      await releaseRegistryRecheck(ctx.db, claim);
      return 'unavailable';
    }
  }

  return ctx.db.transaction(async (tx) => {
    const row = await lockRegistryRecheck(tx, claim.subjectId);
    // The lease lapsed and another worker took the subject: its answer counts, not this one.
    if (!row || row.leaseToken !== claim.leaseToken) return 'skipped';
    // Locked like a rename's or legal-rep update's completion, so the comparison is with what they wrote.
    const current = await lockCurrentSubject(tx, claim.accountId);
    if (!current || current.id !== claim.subjectId || (await findAccountProcess(tx, claim.accountId))) {
      // Replaced, or a change started meanwhile (it suppresses proposals): due again once it ends.
      await updateRegistryRecheck(tx, claim.subjectId, { leasedUntil: null, leaseToken: null });
      return 'skipped';
    }
    const answered = { checkedAt: now, leasedUntil: null, leaseToken: null };
    if (!record) {
      await updateRegistryRecheck(tx, claim.subjectId, answered);
      return 'unchanged';
    }

    const finding = findRegistryChange(
      { name: current.name, legalRepName: current.legalRepName, legalRepUpdatable: isLicenceType(current.documentType) && isBusinessEntity(current.documentType, code) },
      record,
    );
    const decision = decideRecheck(
      finding && { finding, valueKey: proposalValueKey(finding, registryLegalRepKey) },
      row.proposalKind && row.proposalState && row.proposalValueKey ? { kind: row.proposalKind, state: row.proposalState, valueKey: row.proposalValueKey } : null,
    );
    const audit = (action: AuditAction, kind: string | null) =>
      appendAudit(tx, { at: now, action, accountId: claim.accountId, target: auditTarget('registry_recheck', claim.subjectId), data: { kind } });

    switch (decision.action) {
      case 'propose':
        await updateRegistryRecheck(tx, claim.subjectId, {
          ...answered,
          proposalId: randomUUID(),
          proposalKind: decision.finding.kind,
          proposalState: 'open',
          proposedName: decision.finding.kind === 'rename' ? decision.finding.name : null,
          proposalValueKey: decision.valueKey,
          proposedAt: now,
          closedAt: null,
        });
        await audit('registry_recheck.proposed', decision.finding.kind);
        await notifyAccount(tx, claim.accountId, notification(decision.finding), now);
        return 'proposed';
      case 'resolve':
        await updateRegistryRecheck(tx, claim.subjectId, { ...answered, proposalState: 'resolved', closedAt: now });
        await audit('registry_recheck.resolved', row.proposalKind);
        return 'resolved';
      case 'keep':
      case 'none':
        await updateRegistryRecheck(tx, claim.subjectId, answered);
        return 'unchanged';
    }
  });
}

/** The owner's news: the new name in clear (a company name is public), a legal rep never. */
function notification(finding: RegistryFinding) {
  return finding.kind === 'rename'
    ? ({ kind: 'registry_change_found', change: 'rename', newName: finding.name } as const)
    : ({ kind: 'registry_change_found', change: finding.kind } as const);
}
