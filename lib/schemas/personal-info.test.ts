import { describe, expect, it } from 'vitest';
import { makeResidentId } from '@/lib/domain/identity/resident-id';
import { MINOR_MESSAGE, personalInfoSchema } from './personal-info';

const today = { year: 2026, month: 11, day: 27 };
const schema = personalInfoSchema(today);
const valid = {
  realName: '张三',
  documentType: 'resident_id',
  documentNumber: makeResidentId('440305', '19900101', '123'),
  industry: '互联网/IT服务',
  province: '44',
  city: '4403',
  district: '440305',
  addressDetail: '科技园 1 号',
};
const errorsOf = (input: object) => {
  const r = schema.safeParse(input);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
};

describe('personal step 1 schema (SPEC §4.1)', () => {
  it('accepts a complete form and normalises the ID (lower-case x → X)', () => {
    const id = makeResidentId('110105', '19491231', '002').toLowerCase();
    const r = schema.parse({ ...valid, documentNumber: id });
    expect(r.documentNumber).toBe('11010519491231002X');
    expect(r.birthDate).toEqual({ year: 1949, month: 12, day: 31 });
  });
  it('refuses a wrong check character beside the field', () => {
    const id = makeResidentId('440305', '19900101', '123');
    const wrong = id.slice(0, 17) + (id[17] === '1' ? '2' : '1');
    expect(errorsOf({ ...valid, documentNumber: wrong }).documentNumber).toBe('身份证号码校验位不正确，请检查');
  });
  it('refuses a 17-year-old at step 1 (R-LIM-4) and accepts an 18th birthday today', () => {
    expect(errorsOf({ ...valid, documentNumber: makeResidentId('440305', '20081128', '123') }).documentNumber).toBe(MINOR_MESSAGE);
    expect(schema.safeParse({ ...valid, documentNumber: makeResidentId('440305', '20081127', '123') }).success).toBe(true);
  });
  it('asks 身份证 holders for 行业信息 but not permit holders', () => {
    expect(errorsOf({ ...valid, industry: '' }).industry).toBe('请选择行业信息');
    const permit = schema.parse({ ...valid, documentType: 'hk_macau_permit', documentNumber: 'h12345678', industry: '' });
    expect(permit.industry).toBeNull();
    expect(permit.documentNumber).toBe('H12345678');
  });
  it('refuses a city outside the province', () => {
    expect(errorsOf({ ...valid, city: '1101', district: '110101' }).city).toBe('请选择该省份下的城市');
  });
  it('reports every field of an empty form at once (the browser sends empty strings)', () => {
    const empty = Object.fromEntries(Object.keys(valid).map((k) => [k, k === 'documentType' ? 'resident_id' : '']));
    expect(Object.keys(errorsOf(empty)).sort()).toEqual(['addressDetail', 'city', 'district', 'documentNumber', 'industry', 'province', 'realName']);
  });
  it('reports every missing field at once', () => {
    const errors = errorsOf({});
    expect(Object.keys(errors)).toEqual(expect.arrayContaining(['realName', 'documentType', 'documentNumber', 'province', 'city', 'district', 'addressDetail']));
  });
});
