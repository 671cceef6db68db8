import { findCurrentSubject } from '@/db/queries/subjects';
import { entitlementsOf, type Entitlements } from '@/lib/domain/entitlements';
import type { ServiceContext } from './context';

/** Invoices and promotions the account's current subject allows (SPEC §2). */
export async function getAccountEntitlements(ctx: ServiceContext, accountId: string): Promise<Entitlements> {
  const subject = await findCurrentSubject(ctx.db, accountId);
  return entitlementsOf(subject ? { kind: subject.kind, name: subject.name } : null);
}
