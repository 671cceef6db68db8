import { describe, expect, it } from 'vitest';
import { cdnReadiness } from './cdn';

describe('使用CDN服务 readiness (R-OWN-5)', () => {
  it('applies to enterprise subjects only, and names the contact data still missing', () => {
    expect(cdnReadiness({ kind: 'person', contact: {} })).toEqual({ applies: false, missing: [] });
    expect(cdnReadiness({ kind: 'enterprise', contact: { contactName: '王敏', contactIdNumber: 'x', contactMobile: 'y' } })).toEqual({ applies: true, missing: [] });
    expect(cdnReadiness({ kind: 'enterprise', contact: { contactName: '王敏', contactIdNumber: null } })).toEqual({
      applies: true,
      missing: ['contactIdNumber', 'contactMobile'],
    });
  });
});
