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

  it('explains what is wrong in Chinese, naming the kind of code', () => {
    const cases: [string, string][] = [
      ['', '请填写社会信用代码或其他组织机构代码'],
      ['12345', '请填写18位统一社会信用代码、15位工商注册号或9位组织机构代码'],
      ['91350100M000100Y44', '统一社会信用代码校验位不正确，请检查'],
      ['91350100MO00100Y43', '统一社会信用代码不含字母 I、O、Z、S、V，请检查是否误填（如字母 O 应为数字 0）'],
      ['91350100M000100Y4#', '统一社会信用代码为18位数字或大写字母，请按营业执照填写'],
      ['11010800000001A', '工商注册号为15位数字'],
      ['M000100Y5', '组织机构代码校验位不正确，请检查'],
      ['M000100YA', '组织机构代码为8位数字或大写字母加1位校验码'],
    ];
    for (const [input, message] of cases) {
      const result = validateEnterpriseCode(input);
      expect(result.ok ? 'ok' : result.message).toBe(message);
    }
  });

  it('names the organisation code part when only its GB 11714 check fails', () => {
    const first17 = '91350100M000100Y5';
    expect(validateEnterpriseCode(first17 + usccCheckChar(first17))).toEqual({
      ok: false,
      kind: 'uscc',
      reason: 'organisation_code',
      message: '统一社会信用代码第9至17位（组织机构代码）校验不正确，请检查',
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
