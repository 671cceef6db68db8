import { describe, expect, it } from 'vitest';
import { entitlementsOf } from './entitlements';

describe('entitlements of the verified subject (R-OWN-2, R-OWN-3, R-CHG-E6)', () => {
  it('nothing before verification', () => {
    expect(entitlementsOf(null)).toMatchObject({ ordinaryInvoice: false, specialInvoice: { allowed: false, why: 'unverified' }, promotions: null });
  });

  it('a person: ordinary invoices and personal promotions, no special invoice', () => {
    expect(entitlementsOf({ kind: 'person', name: '张三' })).toEqual({
      ordinaryInvoice: true,
      specialInvoice: { allowed: false, why: 'personal_subject' },
      formerTitles: [],
      promotions: 'personal',
    });
  });

  it('an enterprise: special invoices titled with its current name, enterprise promotions', () => {
    expect(entitlementsOf({ kind: 'enterprise', name: '北京星河数智科技有限公司' })).toEqual({
      ordinaryInvoice: true,
      specialInvoice: { allowed: true, title: '北京星河数智科技有限公司' },
      formerTitles: [],
      promotions: 'enterprise',
    });
  });

  it('after a rename or a subject change the earlier names are listed once each, never the current one (R-CHG-E6)', () => {
    const rights = entitlementsOf({ kind: 'enterprise', name: '北京星河智能科技有限公司' }, [
      '北京星河数智科技有限公司',
      '北京星河数智科技有限公司',
      '北京星河智能科技有限公司',
      '上海甲方贸易有限公司',
    ]);
    expect(rights.formerTitles).toEqual(['北京星河数智科技有限公司', '上海甲方贸易有限公司']);
    expect(rights.specialInvoice).toEqual({ allowed: true, title: '北京星河智能科技有限公司' });
  });
});
