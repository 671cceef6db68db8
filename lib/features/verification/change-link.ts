import type { Db, Tx } from '@/db/client';
import type { ChangeRequestRow, subjects } from '@/db/schema';
import type { EnterpriseNameAndCode } from '@/lib/domain/change/new-subject';
import type { ServiceContext } from '../context';
import { plugPoint } from '../plug';

/** Which verification wizard proves a change request's new subject (ADR 0013). */
export type LinkedKind = 'personal' | 'enterprise';

/** What a completing verification hands over to its change request; its own state moves stay in its module. */
export interface LinkedCompletion {
  kind: LinkedKind;
  verificationId: string;
  /** The new subject as the verification proved it (the account and the time are added by the change). */
  subject: Omit<typeof subjects.$inferInsert, 'accountId' | 'verifiedAt' | 'replacedAt'>;
  /** R-LIM-1 / R-LIM-2 for the new identity, read under its lock (an enterprise's override may apply). */
  limit: (tx: Tx) => Promise<number>;
  /** The verification succeeded (its own transition, audit row included). */
  succeeded: () => Promise<unknown>;
  /** The verification fails `limit_refused` for `reason`; its request then returns to new_data. */
  refused: (reason: 'limit' | 'closed') => Promise<unknown>;
}

/**
 * What the verification flows tell a change request they run for (ADR 0013: the flows are
 * reused by linking). The personal and enterprise modules sit below the change module, so
 * they do not call it: they announce through this plug point, which the change module's
 * implementation fills (wiring.ts).
 */
export interface ChangeLink {
  /** The request the wizard runs for, waiting for a new subject of `kind`; its linked verification still open, if any. */
  awaitingNewSubject(db: Db, accountId: string, changeRequestId: string, kind: LinkedKind, submitted?: EnterpriseNameAndCode): Promise<{ change: ChangeRequestRow; linkedId: string | null }>;
  /** A verification just created for the new subject is linked to its request, in the creating transaction. */
  linkVerificationInTx(tx: Db, accountId: string, changeRequestId: string, kind: LinkedKind, verificationId: string, now: Date): Promise<void>;
  /** A linked verification ended without proving the new subject (failed, expired, cancelled). */
  verificationEndedInTx(tx: Db, kind: LinkedKind, verification: { id: string; state: string }, now: Date): Promise<void>;
  /** A linked verification proved the new subject: the change completes in the same transaction. */
  verificationSucceededInTx(tx: Tx, change: ChangeRequestRow, linked: LinkedCompletion, now: Date): Promise<void>;
  /** 取消 on a linked verification's wizard cancels its change request. */
  cancelChange(ctx: ServiceContext, accountId: string, changeRequestId: string): Promise<void>;
}

export const changeLink = plugPoint<ChangeLink>('verification: change link');
