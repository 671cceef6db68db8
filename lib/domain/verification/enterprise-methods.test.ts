import { describe, expect, it } from 'vitest';
import { makeRegistrationNumber } from '../identity/registration-number';
import { makeUscc } from '../identity/uscc';
import { NOT_BUSINESS_NOTICE, offerEnterpriseMethods } from './enterprise-methods';
import { ENTERPRISE_FAILURES, enterpriseFailureText } from './enterprise-outcome';

const now = new Date('2026-11-27T04:00:00Z');
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
const business = { licenceType: 'business_licence' as const, code: makeUscc('91110108', 'MA01XY2K'), now, failures: [] };

describe('enterprise method availability (R-E-TYPE, R-LIM-7)', () => {
  it('offers all five methods to a 工商类 enterprise and recommends legal-rep face', () => {
    const offer = offerEnterpriseMethods(business);
    expect(offer.options.map((o) => [o.method, o.available])).toEqual([
      ['oa', true],
      ['legal_rep_wechat', true],
      ['legal_rep_face', true],
      ['recharge', true],
      ['payout', true],
    ]);
    expect(offer.recommended).toBe('legal_rep_face');
    expect(offer.businessEntity).toBe(true);
    expect(offer.typeNotice).toBeUndefined();
  });

  it('offers no legal-rep method to non-business subjects, and says why', () => {
    for (const facts of [
      { ...business, licenceType: 'other' as const },
      { ...business, code: makeUscc('12440300', '45575880') },
      { ...business, code: makeRegistrationNumber('33010600012345') },
    ]) {
      const offer = offerEnterpriseMethods(facts);
      expect(offer.options.map((o) => o.method)).toEqual(['oa', 'recharge', 'payout']);
      expect(offer.recommended).toBe('oa');
      expect(offer.typeNotice).toBe(NOT_BUSINESS_NOTICE);
    }
  });

  it('narrows to legal-rep face and the bank methods after 3 failures in 24 h, with the reason and until when', () => {
    const offer = offerEnterpriseMethods({ ...business, failures: [hoursAgo(1), hoursAgo(2), hoursAgo(20), hoursAgo(30)] });
    expect(offer.options.filter((o) => o.available).map((o) => o.method)).toEqual(['legal_rep_face', 'recharge', 'payout']);
    expect(offer.recommended).toBe('legal_rep_face');
    expect(offer.notice).toBe('verification.offer.enterpriseRisk.business');
    const oa = offer.options.find((o) => o.method === 'oa')!;
    expect(oa.reason).toBe('verification.offer.riskLocked');
    expect(oa.until).toEqual(new Date(hoursAgo(20).getTime() + 24 * 3_600_000));
    expect(offer.blockedUntil).toBeUndefined();
  });

  it('leaves a risky non-business subject only the bank methods until the window passes', () => {
    const offer = offerEnterpriseMethods({ ...business, licenceType: 'other', failures: [hoursAgo(1), hoursAgo(2), hoursAgo(3)] });
    expect(offer.options.filter((o) => o.available).map((o) => o.method)).toEqual(['recharge', 'payout']);
    expect(offer.recommended).toBeNull();
    expect(offer.notice).toBe('verification.offer.enterpriseRisk.other');
    expect(offer.blockedUntil).toBeUndefined();
  });

  it('ignores failures older than 24 h', () => {
    expect(offerEnterpriseMethods({ ...business, failures: [hoursAgo(25), hoursAgo(26), hoursAgo(27)] }).notice).toBeUndefined();
  });

  it('has a coded reason for every failure, the limit as its parameter', () => {
    for (const f of ENTERPRISE_FAILURES) expect(enterpriseFailureText(f).code).toBe(`verification.enterpriseFailure.${f}`);
    expect(enterpriseFailureText('enterprise_limit', 12)).toEqual({ code: 'verification.enterpriseFailure.enterprise_limit', params: { limit: 12 } });
  });
});
