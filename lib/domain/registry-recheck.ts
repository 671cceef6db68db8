import { canonicalEnterpriseName, sameEnterpriseName } from './enterprise-name';
import { normalisePersonName } from './person-name';

/**
 * SPEC §13 registry re-checks (docs/decisions/0015-registry-rechecks.md): what the business
 * registry's current record of a verified enterprise tells us, compared with the subject
 * on file, and what to do about the proposal already on file. Pure: the service asks the
 * registry and fingerprints the legal rep's name.
 */

/** A verified enterprise subject is asked about again once this many days (product clock) have passed since its last answer or its verification. */
export const RECHECK_INTERVAL_DAYS = 30;

export const REGISTRY_PROPOSAL_KINDS = ['rename', 'legal_rep', 'deregistered'] as const;
export type RegistryProposalKind = (typeof REGISTRY_PROPOSAL_KINDS)[number];

/** open: shown on 实名认证; dismissed: 忽略 (not made again for the same value); resolved: the subject now agrees with the registry. */
export const REGISTRY_PROPOSAL_STATES = ['open', 'dismissed', 'resolved'] as const;
export type RegistryProposalState = (typeof REGISTRY_PROPOSAL_STATES)[number];

const DAY_MS = 24 * 60 * 60 * 1000;

/** Subjects last answered for (or verified) at or before this moment are due. */
export function recheckDueBefore(now: Date, intervalDays = RECHECK_INTERVAL_DAYS): Date {
  return new Date(now.getTime() - intervalDays * DAY_MS);
}

export interface RecheckSubject {
  name: string;
  /** The legal rep on file (null when the subject was verified without one). */
  legalRepName: string | null;
  /** R-CHG-E3: 更新企业法人信息 is offered to this subject (工商类 with a USCC); no proposal would lead anywhere otherwise. */
  legalRepUpdatable: boolean;
}

/** The registry's record of the subject's code (null: the registry knows no such code). */
export interface RegistryRecord {
  name: string;
  legalRepName: string;
  status: 'active' | 'deregistered';
}

export type RegistryFinding = { kind: 'rename'; name: string } | { kind: 'legal_rep'; legalRepName: string } | { kind: 'deregistered' };

/**
 * The one difference worth telling the owner about, most serious first: the enterprise is
 * 注销, it has another name, it has another legal rep. A code the registry does not know
 * proposes nothing (we do not guess what happened). A subject with no legal rep on file is
 * not told about the registry's: nothing "changed" that we knew of.
 */
export function findRegistryChange(subject: RecheckSubject, record: RegistryRecord | null): RegistryFinding | null {
  if (!record) return null;
  if (record.status === 'deregistered') return { kind: 'deregistered' };
  if (!sameEnterpriseName(record.name, subject.name)) return { kind: 'rename', name: record.name };
  if (subject.legalRepUpdatable && subject.legalRepName !== null && normalisePersonName(record.legalRepName) !== normalisePersonName(subject.legalRepName)) {
    return { kind: 'legal_rep', legalRepName: record.legalRepName };
  }
  return null;
}

/**
 * What the proposal remembers of the registry's value: the canonical new name, the keyed
 * hash of the legal rep's name (`legalRepKey`, from the service — never the name), or
 * `deregistered`.
 */
export function proposalValueKey(finding: RegistryFinding, legalRepKey: (name: string) => string): string {
  switch (finding.kind) {
    case 'rename':
      return `name:${canonicalEnterpriseName(finding.name)}`;
    case 'legal_rep':
      return `rep:${legalRepKey(normalisePersonName(finding.legalRepName))}`;
    case 'deregistered':
      return 'deregistered';
  }
}

export interface ProposalOnFile {
  kind: RegistryProposalKind;
  state: RegistryProposalState;
  valueKey: string;
}

export type RecheckDecision =
  /** A new proposal (replacing any older one): record it and tell the owner once. */
  | { action: 'propose'; finding: RegistryFinding; valueKey: string }
  /** The same registry value as the proposal on file (open or dismissed): nothing new to say. */
  | { action: 'keep' }
  /** The registry agrees with the subject now: the proposal on file is closed as resolved. */
  | { action: 'resolve' }
  | { action: 'none' };

export function decideRecheck(found: { finding: RegistryFinding; valueKey: string } | null, onFile: ProposalOnFile | null): RecheckDecision {
  const live = onFile && onFile.state !== 'resolved' ? onFile : null;
  if (!found) return live ? { action: 'resolve' } : { action: 'none' };
  if (live && live.kind === found.finding.kind && live.valueKey === found.valueKey) return { action: 'keep' };
  return { action: 'propose', ...found };
}

/**
 * Whether an open proposal still differs from the subject on file, read when the page is
 * shown: a completed 变更企业名称 / 更新企业法人信息 makes it moot at once, before the next
 * re-check closes it. `legalRepKey` is the service's keyed hash, as for proposalValueKey.
 */
export function proposalStillApplies(
  proposal: { kind: RegistryProposalKind; proposedName: string | null; valueKey: string },
  subject: { name: string; legalRepName: string | null },
  legalRepKey: (name: string) => string,
): boolean {
  switch (proposal.kind) {
    case 'rename':
      return proposal.proposedName !== null && !sameEnterpriseName(proposal.proposedName, subject.name);
    case 'legal_rep':
      return subject.legalRepName === null || proposalValueKey({ kind: 'legal_rep', legalRepName: subject.legalRepName }, legalRepKey) !== proposal.valueKey;
    case 'deregistered':
      return true;
  }
}
