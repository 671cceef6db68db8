import { findRegistryRecheck } from '@/db/queries/registry-rechecks';
import { findAccountProcess, findCurrentSubject } from '@/db/queries/subjects';
import { proposalStillApplies } from '@/lib/domain/registry-recheck';
import type { ServiceContext } from '../context';
import { registryLegalRepKey } from './recheck-enterprise-registry';

/** What 实名认证 shows of a registry re-check's proposal (SPEC §13): a new name in clear (public), never a legal rep. */
export type RegistryProposalView = { id: string; kind: 'rename'; newName: string } | { id: string; kind: 'legal_rep' | 'deregistered' };

/**
 * The open proposal of the account's current enterprise subject, when it still differs
 * from the subject on file — a completed 变更企业名称 / 更新企业法人信息 hides it at once
 * (the next re-check closes it as resolved). None while a verification or change is in
 * progress: the page then points at that instead.
 */
export async function getRegistryProposal(ctx: ServiceContext, accountId: string): Promise<RegistryProposalView | null> {
  const subject = await findCurrentSubject(ctx.db, accountId);
  if (!subject || subject.kind !== 'enterprise') return null;
  const [row, process] = await Promise.all([findRegistryRecheck(ctx.db, subject.id), findAccountProcess(ctx.db, accountId)]);
  if (process || !row || row.proposalState !== 'open' || !row.proposalId || !row.proposalKind || !row.proposalValueKey) return null;
  const proposal = { kind: row.proposalKind, proposedName: row.proposedName, valueKey: row.proposalValueKey };
  if (!proposalStillApplies(proposal, subject, registryLegalRepKey)) return null;
  if (row.proposalKind === 'rename') return row.proposedName ? { id: row.proposalId, kind: 'rename', newName: row.proposedName } : null;
  return { id: row.proposalId, kind: row.proposalKind };
}
