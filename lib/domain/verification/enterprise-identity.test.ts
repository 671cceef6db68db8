import { describe, expect, it } from 'vitest';
import { makeOrganisationCode } from '../identity/organisation-code';
import { makeRegistrationNumber } from '../identity/registration-number';
import { makeUscc } from '../identity/uscc';
import { enterpriseIdentityMaterial } from './enterprise-identity';

describe('enterprise identity for R-LIM-2', () => {
  it('keys a USCC and its embedded organisation code alike', () => {
    const uscc = makeUscc('91110108', 'MA01XY2K');
    expect(enterpriseIdentityMaterial(uscc, '甲公司')).toBe(enterpriseIdentityMaterial(makeOrganisationCode('MA01XY2K'), '乙公司'));
    expect(enterpriseIdentityMaterial(uscc.toLowerCase(), '甲公司')).toBe('org:MA01XY2K' + uscc.charAt(16));
  });

  it('keeps different enterprises apart', () => {
    expect(enterpriseIdentityMaterial(makeUscc('91110108', 'MA01XY2K'), 'x')).not.toBe(enterpriseIdentityMaterial(makeUscc('91110108', 'MA01XY3K'), 'x'));
    expect(enterpriseIdentityMaterial(makeRegistrationNumber('33010600012345'), 'x')).toMatch(/^reg:/);
  });

  it('falls back to the canonical exact name without a code, and refuses an invalid code', () => {
    expect(enterpriseIdentityMaterial(null, '云端(北京)有限公司')).toBe('name:云端（北京）有限公司');
    expect(() => enterpriseIdentityMaterial('123', 'x')).toThrow();
  });
});
