import { findFormerEnterpriseNames } from '@/db/queries/change-requests';
import { findCurrentSubject } from '@/db/queries/subjects';
import { entitlementsOf, type Entitlements } from '@/lib/domain/entitlements';
import type { ServiceContext } from '../context';

/** Invoices and promotions the account's current subject allows (SPEC §2), and the former names no invoice may carry (R-CHG-E6). */
export async function getAccountEntitlements(ctx: ServiceContext, accountId: string): Promise<Entitlements> {
  const [subject, formerNames] = await Promise.all([findCurrentSubject(ctx.db, accountId), findFormerEnterpriseNames(ctx.db, accountId)]);
  return entitlementsOf(subject ? { kind: subject.kind, name: subject.name } : null, formerNames);
}
