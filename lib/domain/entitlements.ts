/**
 * What the verified subject entitles the account to (SPEC §2): which VAT invoices it may
 * request (R-OWN-2, R-CHG-E6) and which promotions it may join (R-OWN-3).
 */
export interface Entitlements {
  /** 增值税普通发票: any verified subject. */
  ordinaryInvoice: boolean;
  /** 增值税专用发票: enterprise subjects only, titled with the subject's CURRENT name. */
  specialInvoice: { allowed: true; title: string } | { allowed: false; why: string };
  /** 个人 or 企业 promotions, never both; none before verification. */
  promotions: 'personal' | 'enterprise' | null;
}

export function entitlementsOf(subject: { kind: 'person' | 'enterprise'; name: string } | null): Entitlements {
  if (!subject) {
    return { ordinaryInvoice: false, specialInvoice: { allowed: false, why: '完成实名认证后方可申请发票' }, promotions: null };
  }
  if (subject.kind === 'person') {
    return { ordinaryInvoice: true, specialInvoice: { allowed: false, why: '个人认证主体不能申请增值税专用发票' }, promotions: 'personal' };
  }
  // R-CHG-E6: after a name or subject change the old name can no longer be a title.
  return { ordinaryInvoice: true, specialInvoice: { allowed: true, title: subject.name }, promotions: 'enterprise' };
}
