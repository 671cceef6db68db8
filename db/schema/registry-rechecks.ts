import { index, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { REGISTRY_PROPOSAL_KINDS, REGISTRY_PROPOSAL_STATES } from '@/lib/domain/registry-recheck';
import { accounts } from './accounts';
import { subjects } from './subjects';

export const registryProposalKindEnum = pgEnum('registry_proposal_kind', REGISTRY_PROPOSAL_KINDS);
export const registryProposalStateEnum = pgEnum('registry_proposal_state', REGISTRY_PROPOSAL_STATES);

/**
 * SPEC §13 registry re-checks (docs/decisions/0015-registry-rechecks.md): one row per
 * verified enterprise subject the re-check job has looked at — when the business registry
 * was last asked about it, and the one proposal it made from the answer, if any. A row is
 * written the first time the subject falls due (verified RECHECK_INTERVAL_DAYS ago) and is
 * leased by one worker at a time while the registry is asked.
 */
export const registryRechecks = pgTable(
  'registry_rechecks',
  {
    /** A completed A → B change makes a new subject (a new row); an amendment keeps this one. */
    subjectId: uuid('subject_id')
      .primaryKey()
      .references(() => subjects.id),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    /** Product-clock time of the last registry answer (a failed question does not count); null before the first. */
    checkedAt: timestamp('checked_at', { withTimezone: true }),
    /** Real (database) time until which the claiming worker owns the row, and that claim's token. */
    leasedUntil: timestamp('leased_until', { withTimezone: true }),
    leaseToken: uuid('lease_token'),
    /** The latest proposal; a new registry value makes a new one (a new id: a stale 忽略 cannot dismiss it). */
    proposalId: uuid('proposal_id'),
    proposalKind: registryProposalKindEnum('proposal_kind'),
    proposalState: registryProposalStateEnum('proposal_state'),
    /** rename: the registry's new name (a company name is public, not personal data). */
    proposedName: text('proposed_name'),
    /**
     * What the registry said, so that a dismissed proposal is not made again for the same
     * value: the canonical new name, a keyed hash of the registry's legal rep name (never
     * the name), or `deregistered`.
     */
    proposalValueKey: text('proposal_value_key'),
    proposedAt: timestamp('proposed_at', { withTimezone: true }),
    /** When it was dismissed (忽略) or found resolved. */
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    index('registry_rechecks_account_idx').on(t.accountId),
    // The lease claim's filter on its own row (never asked, or asked before the cut-off) before it joins the subject.
    index('registry_rechecks_checked_idx').on(t.checkedAt),
  ],
);

export type RegistryRecheckRow = typeof registryRechecks.$inferSelect;
