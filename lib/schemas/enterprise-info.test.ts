import { describe, expect, it } from 'vitest';
import { makeRegistrationNumber } from '@/lib/domain/identity/registration-number';
import { makeResidentId } from '@/lib/domain/identity/resident-id';
import { makeUscc } from '@/lib/domain/identity/uscc';
import { CONTACT_ID_NOT_MAINLAND, enterpriseInfoSchema, enterpriseMethodSchema, LEGAL_REP_ID_NOT_MAINLAND, legalRepSchema, MOBILE_MESSAGE } from './enterprise-info';

const today = { year: 2026, month: 11, day: 27 };
const schema = enterpriseInfoSchema(today);
const valid = {
  licenceType: 'business_licence',
  licenceUploadId: '0b6f1c1e-4d1a-4c2b-9a57-3f3b1e2d4c5a',
  enterpriseName: '北京星河数智科技有限公司',
  code: '91110108MA01XY2K7T',
  province: '11',
  city: '1101',
  district: '110108',
  addressDetail: '中关村大街 1 号',
  contactName: '张伟',
  contactIdNumber: '110105199003070113',
  contactMobile: '13812345678',
};
const errorsOf = (input: object) => {
  const r = schema.safeParse(input);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
};

describe('enterprise step 1 schema (SPEC §5.1)', () => {
  it('accepts a complete form and normalises code, name and mobile', () => {
    const r = schema.parse({ ...valid, code: ' ９１１１０１０８ma01xy2k7t ', enterpriseName: ' 北京星河数智科技有限公司 ', contactMobile: '+86 138 1234 5678' });
    expect(r).toMatchObject({ code: '91110108MA01XY2K7T', codeKind: 'uscc', enterpriseName: '北京星河数智科技有限公司', contactMobile: '+8613812345678' });
  });

  it('takes the three kinds of code, each with its own message', () => {
    expect(schema.parse({ ...valid, code: makeRegistrationNumber('33010600012345') }).codeKind).toBe('registration_number');
    expect(schema.parse({ ...valid, code: '50001234-X' }).codeKind).toBe('organisation_code');
    expect(errorsOf({ ...valid, code: '91110108MA01XY2K7A' }).code).toBe('统一社会信用代码校验位不正确，请检查');
    expect(errorsOf({ ...valid, code: '330106000123457' }).code).toBe('工商注册号校验位不正确，请检查');
    expect(errorsOf({ ...valid, code: '12345' }).code).toBe('请填写18位统一社会信用代码、15位工商注册号或9位组织机构代码');
  });

  it('shows every error at once on an empty form, beside its field', () => {
    const errors = errorsOf(Object.fromEntries(Object.keys(valid).map((k) => [k, ''])));
    expect(Object.keys(errors).sort()).toEqual(
      ['licenceType', 'licenceUploadId', 'enterpriseName', 'code', 'province', 'city', 'district', 'addressDetail', 'contactName', 'contactIdNumber', 'contactMobile'].sort(),
    );
    expect(errors.contactName).toBe('请填写企业联系人姓名');
    expect(errors.contactMobile).toBe('请填写企业联系人手机号');
  });

  it('asks for the right document in the upload message', () => {
    expect(errorsOf({ ...valid, licenceUploadId: '' }).licenceUploadId).toBe('请上传营业执照');
    expect(errorsOf({ ...valid, licenceType: 'other', licenceUploadId: 'x' }).licenceUploadId).toBe('请上传组织证照');
  });

  it('takes a mainland ID only for the contact, and a +86 mobile', () => {
    expect(errorsOf({ ...valid, contactIdNumber: 'H12345678' }).contactIdNumber).toBe(CONTACT_ID_NOT_MAINLAND);
    expect(errorsOf({ ...valid, contactIdNumber: makeResidentId('810000', '19900101', '123') }).contactIdNumber).toBe(CONTACT_ID_NOT_MAINLAND);
    expect(errorsOf({ ...valid, contactMobile: '12812345678' }).contactMobile).toBe(MOBILE_MESSAGE);
    expect(errorsOf({ ...valid, contactName: '张' }).contactName).toBe('企业联系人姓名应为 2–30 个字符');
  });

  it('refuses a city outside the province', () => {
    expect(errorsOf({ ...valid, city: '4403', district: '440305' }).city).toBe('请选择该省份下的城市');
  });
});

describe('legal rep and method schemas (SPEC §5.2)', () => {
  const legal = legalRepSchema(today);
  it('refuses non-mainland legal reps with the reason', () => {
    const r = legal.safeParse({ legalRepName: '陈大文', legalRepIdNumber: 'H12345678' });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.message).toBe(LEGAL_REP_ID_NOT_MAINLAND);
    expect(LEGAL_REP_ID_NOT_MAINLAND).toContain('港澳台及外籍法定代表人');
  });

  it('discriminates on method: OA needs no legal rep, the legal-rep methods do', () => {
    const methods = enterpriseMethodSchema(today);
    const id = '0B6F1C1E-4D1A-4C2B-9A57-3F3B1E2D4C5A';
    expect(methods.parse({ verificationId: id, method: 'oa', legalRepName: '', legalRepIdNumber: '' })).toEqual({ verificationId: id.toLowerCase(), method: 'oa' });
    expect(methods.parse({ verificationId: id, method: 'legal_rep_face', legalRepName: '赵建国', legalRepIdNumber: '110108197504120318', consent: '2026-11' })).toEqual({
      verificationId: id.toLowerCase(),
      method: 'legal_rep_face',
      legalRepName: '赵建国',
      legalRepIdNumber: '110108197504120318',
      consent: '2026-11',
    });
    // SECURITY 17: face needs the separate consent, ticked for the current text (an unticked box posts nothing, or false with JS).
    for (const consent of [undefined, false, '2025-01']) {
      const refused = methods.safeParse({ verificationId: id, method: 'legal_rep_face', legalRepName: '赵建国', legalRepIdNumber: '110108197504120318', consent });
      expect(refused.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['consent', '请阅读并同意《人脸信息处理授权书》']]);
    }
    const missing = methods.safeParse({ verificationId: id, method: 'legal_rep_wechat' });
    expect(missing.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['legalRepIdNumber', 'legalRepName']);
    expect(methods.safeParse({ verificationId: 'nope', method: 'oa' }).success).toBe(false);
    expect(methods.safeParse({ verificationId: id, method: 'recharge' }).success).toBe(false);
  });

  it('builds valid fixtures', () => {
    expect(makeUscc('91110108', 'MA01XY2K')).toHaveLength(18);
  });
});
