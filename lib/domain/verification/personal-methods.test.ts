import { describe, expect, it } from 'vitest';
import { offerPersonalMethods } from './personal-methods';

const now = new Date('2026-11-27T12:00:00Z');
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3600_000);

describe('personal method availability (R-LIM-5…7, R-P-FACE)', () => {
  it('offers WeChat, face and QQ to a mainland ID holder, recommending WeChat', () => {
    const offer = offerPersonalMethods({ documentType: 'resident_id', now, failures: [], faceFailures: [] });
    expect(offer.options.map((o) => o.method)).toEqual(['wechat', 'face', 'qq']);
    expect(offer.options.every((o) => o.available)).toBe(true);
    expect(offer.recommended).toBe('wechat');
  });
  it('offers a permit holder WeChat scan only (R-LIM-6)', () => {
    for (const documentType of ['hk_macau_permit', 'taiwan_permit'] as const) {
      const offer = offerPersonalMethods({ documentType, now, failures: [], faceFailures: [] });
      expect(offer.options.map((o) => o.method)).toEqual(['wechat']);
      expect(offer.recommended).toBe('wechat');
    }
  });
  it('narrows a mainland ID holder to face after 3 failures in 24 h, and says why (R-LIM-7)', () => {
    const offer = offerPersonalMethods({ documentType: 'resident_id', now, failures: [hoursAgo(1), hoursAgo(2), hoursAgo(3)], faceFailures: [] });
    expect(offer.options.filter((o) => o.available).map((o) => o.method)).toEqual(['face']);
    expect(offer.recommended).toBe('face');
    expect(offer.notice).toBe('verification.offer.personalRisk.resident_id');
  });
  it('ignores failures older than 24 h', () => {
    const offer = offerPersonalMethods({ documentType: 'resident_id', now, failures: [hoursAgo(1), hoursAgo(2), hoursAgo(25)], faceFailures: [] });
    expect(offer.options.every((o) => o.available)).toBe(true);
  });
  it('makes a risky permit holder wait until the window has passed, and says until when', () => {
    const failures = [hoursAgo(20), hoursAgo(10), hoursAgo(5), hoursAgo(1)];
    const offer = offerPersonalMethods({ documentType: 'hk_macau_permit', now, failures, faceFailures: [] });
    expect(offer.recommended).toBeNull();
    // Fewer than 3 remain once the failure of 10 h ago is 24 h old: 14 h from now.
    expect(offer.blockedUntil).toEqual(new Date(now.getTime() + 14 * 3600_000));
  });
  it('locks face after 5 failed face attempts in 24 h until the oldest counted one is 24 h old', () => {
    const faceFailures = [hoursAgo(23), hoursAgo(4), hoursAgo(3), hoursAgo(2), hoursAgo(1)];
    const offer = offerPersonalMethods({ documentType: 'resident_id', now, failures: [], faceFailures });
    const face = offer.options.find((o) => o.method === 'face')!;
    expect(face.available).toBe(false);
    expect(face.until).toEqual(new Date(now.getTime() + 1 * 3600_000));
    expect(offer.recommended).toBe('wechat');
  });
  it('blocks everything when the risk rule allows face only and face is locked', () => {
    const recent = [hoursAgo(5), hoursAgo(4), hoursAgo(3), hoursAgo(2), hoursAgo(1)];
    const offer = offerPersonalMethods({ documentType: 'resident_id', now, failures: recent, faceFailures: recent });
    expect(offer.recommended).toBeNull();
    expect(offer.blockedUntil).toBeDefined();
  });
});
