import { describe, expect, it } from 'vitest';
import { enterpriseCodeKind, isBusinessEntity, validateEnterpriseCode } from './enterprise-code';
import { makeOrganisationCode } from './organisation-code';
import { makeRegistrationNumber } from './registration-number';
import { makeUscc, usccCheckChar } from './uscc';

describe('社会信用代码/其他组织机构代码 (SPEC §5.1, §10)', () => {
  it('tells the kind of code by its length after normalisation', () => {
    expect(enterpriseCodeKind('91350100M000100Y43')).toBe('uscc');
    expect(enterpriseCodeKind(' ９１３５０１００ｍ０００１００ｙ４３ ')).toBe('uscc');
    expect(enterpriseCodeKind('110108000000016')).toBe('registration_number');
    expect(enterpriseCodeKind('M000100Y4')).toBe('organisation_code');
    expect(enterpriseCodeKind('M000100Y-4')).toBe('organisation_code');
    expect(enterpriseCodeKind('1234567890')).toBeNull();
    expect(enterpriseCodeKind('')).toBeNull();
  });

  it('accepts each of the three codes and returns it normalised', () => {
    expect(validateEnterpriseCode('91350100m000100y43')).toEqual({ ok: true, kind: 'uscc', value: '91350100M000100Y43' });
    const registration = makeRegistrationNumber('11010800000001');
    expect(validateEnterpriseCode(registration)).toEqual({ ok: true, kind: 'registration_number', value: registration });
    expect(validateEnterpriseCode('m000100y-4')).toEqual({ ok: true, kind: 'organisation_code', value: 'M000100Y4' });
  });

  it('says what is wrong, by the kind of code', () => {
    const cases: [string, string][] = [
      ['', 'identity.enterpriseCode.required'],
      ['12345', 'identity.enterpriseCode.length'],
      ['91350100M000100Y44', 'identity.uscc.check_char'],
      ['91350100MO00100Y43', 'identity.uscc.forbidden_letter'],
      ['91350100M000100Y4#', 'identity.uscc.format'],
      ['11010800000001A', 'identity.registrationNumber.format'],
      ['M000100Y5', 'identity.organisationCode.check_char'],
      ['M000100YA', 'identity.organisationCode.format'],
    ];
    for (const [input, message] of cases) {
      const result = validateEnterpriseCode(input);
      expect(result.ok ? 'ok' : result.message.code).toBe(message);
    }
  });

  it('names the organisation code part when only its GB 11714 check fails', () => {
    const first17 = '91350100M000100Y5';
    expect(validateEnterpriseCode(first17 + usccCheckChar(first17))).toEqual({
      ok: false,
      kind: 'uscc',
      reason: 'organisation_code',
      message: { code: 'identity.uscc.organisation_code' },
    });
  });
});

describe('工商类企业 (R-E-TYPE)', () => {
  it('is a 营业执照 subject with a valid USCC starting 91 or 92', () => {
    expect(isBusinessEntity('business_licence', '91350100M000100Y43')).toBe(true);
    expect(isBusinessEntity('business_licence', '92340602MA2PBMEM24')).toBe(true);
    expect(isBusinessEntity('business_licence', '91350100m000100y43')).toBe(true);
  });

  it('is not a 非营业执照 subject, whatever its code', () => {
    expect(isBusinessEntity('other', '91350100M000100Y43')).toBe(false);
  });

  it('is not a subject whose code starts otherwise, is shorter, or is invalid', () => {
    expect(isBusinessEntity('business_licence', makeUscc('93350100', 'M000100Y'))).toBe(false);
    expect(isBusinessEntity('business_licence', '121200004013590816')).toBe(false);
    expect(isBusinessEntity('business_licence', makeRegistrationNumber('11010800000001'))).toBe(false);
    expect(isBusinessEntity('business_licence', makeOrganisationCode('M000100Y'))).toBe(false);
    expect(isBusinessEntity('business_licence', '91350100M000100Y44')).toBe(false);
  });
});
