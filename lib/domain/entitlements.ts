import { sameEnterpriseName } from './enterprise-name';

/**
 * What the verified subject entitles the account to (SPEC §2): which VAT invoices it may
 * request (R-OWN-2, R-CHG-E6) and which promotions it may join (R-OWN-3).
 */
export interface Entitlements {
  /** 增值税普通发票: any verified subject. */
  ordinaryInvoice: boolean;
  /** 增值税专用发票: enterprise subjects only, titled with the subject's CURRENT name. */
  specialInvoice: { allowed: true; title: string } | { allowed: false; why: SpecialInvoiceRefusal };
  /**
   * R-CHG-E6: the account's earlier enterprise names (a rename, or an enterprise subject
   * replaced by a change), which can no longer head a VAT special invoice.
   */
  formerTitles: string[];
  /** 个人 or 企业 promotions, never both; none before verification. */
  promotions: 'personal' | 'enterprise' | null;
}

/** Why no VAT special invoice (the catalogue's `entitlements.specialInvoice.<why>`): no subject yet, or a personal one. */
export type SpecialInvoiceRefusal = 'unverified' | 'personal_subject';

/** `formerNames`: every enterprise name the account was verified under before, in any order, repeats allowed. */
export function entitlementsOf(subject: { kind: 'person' | 'enterprise'; name: string } | null, formerNames: readonly string[] = []): Entitlements {
  // R-CHG-E6: after a name or subject change the old name can no longer be a title.
  const formerTitles: string[] = [];
  for (const name of formerNames) {
    if (subject?.kind === 'enterprise' && sameEnterpriseName(name, subject.name)) continue;
    if (!formerTitles.some((t) => sameEnterpriseName(t, name))) formerTitles.push(name);
  }
  if (!subject) {
    return { ordinaryInvoice: false, specialInvoice: { allowed: false, why: 'unverified' }, formerTitles, promotions: null };
  }
  if (subject.kind === 'person') {
    return { ordinaryInvoice: true, specialInvoice: { allowed: false, why: 'personal_subject' }, formerTitles, promotions: 'personal' };
  }
  return { ordinaryInvoice: true, specialInvoice: { allowed: true, title: subject.name }, formerTitles, promotions: 'enterprise' };
}
