import { describe, expect, it } from 'vitest';
import { MINOR_TEXT } from '@/lib/domain/eligibility/verification-eligibility';
import { makeUscc } from '@/lib/domain/identity/uscc';
import { enterpriseEligibilitySchema, personEligibilitySchema } from './eligibility';
import { eligibilityMessages } from '@/lib/messages/zh-CN/eligibility';
import { MINOR_MESSAGE } from './personal-info';

const today = { year: 2026, month: 11, day: 27 };

describe('认证前检查 schemas (SPEC §13)', () => {
  it('normalises a mainland ID and reads its birth date; a minor is an answer, not a form error', () => {
    const parsed = personEligibilitySchema(today).parse({ documentType: 'resident_id', documentNumber: ' １１０１０５１９９００３０７０１１３ ' });
    expect(parsed.documentNumber).toBe('110105199003070113');
    expect(parsed.birthDate).toEqual({ year: 1990, month: 3, day: 7 });
    // Born 28 Nov 2009: 17 on 27 Nov 2026.
    expect(personEligibilitySchema(today).parse({ documentType: 'resident_id', documentNumber: '110105200911280015' }).birthDate).toEqual({ year: 2009, month: 11, day: 28 });
    expect(eligibilityMessages[MINOR_TEXT.code]).toBe(MINOR_MESSAGE);
  });

  it('refuses a bad check character and a refused document with the wizard’s words', () => {
    const bad = personEligibilitySchema(today).safeParse({ documentType: 'resident_id', documentNumber: '110105199003070114' });
    expect(bad.error?.issues[0]).toMatchObject({ path: ['documentNumber'], message: '身份证号码校验位不正确，请检查' });
    const permit = personEligibilitySchema(today).safeParse({ documentType: 'hk_macau_permit', documentNumber: '810000199001011234' });
    expect(permit.error?.issues[0]?.message).toContain('国际站');
  });

  it('gives a permit no birth date (the channel returns it, R-LIM-4)', () => {
    expect(personEligibilitySchema(today).parse({ documentType: 'taiwan_permit', documentNumber: '12345678' }).birthDate).toBeNull();
  });

  it('checks the enterprise fields all at once and normalises the code', () => {
    const empty = enterpriseEligibilitySchema.safeParse({ licenceType: '', enterpriseName: '', code: '' });
    expect(empty.error?.issues.map((i) => i.path[0])).toEqual(['licenceType', 'enterpriseName', 'code']);
    const code = makeUscc('91110108', 'MA01XY2K');
    const ok = enterpriseEligibilitySchema.parse({ licenceType: 'business_licence', enterpriseName: '北京星河数智科技有限公司', code: ` ${code.toLowerCase()} ` });
    expect(ok.code).toBe(code);
  });
});
