import { describe, expect, it } from 'vitest';
import { consentValue } from '@/lib/domain/consent';
import { payoutAmountSchema, payoutDetailsSchema, payoutFormSchema, payoutOperatorSchema } from './payout';

const today = { year: 2026, month: 11, day: 27 };
const ID = '110108197504120318';
const UPLOAD = '5b0d3f3e-2c4b-4f7e-9a51-0d2c8a7e1f10';

const valid = {
  bankAccount: '6222 0202 0011 2233',
  bankName: '招商银行',
  bankProvince: '44',
  bankCity: '4403',
  bankBranch: '招商银行深圳分行营业部',
  legalRepName: '赵建国',
  legalRepIdNumber: ID,
  emblemUploadId: UPLOAD,
  portraitUploadId: UPLOAD,
  consent: consentValue('bank_and_id_photos'),
};

function issues(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));
}

describe('payout details (R-E-PAY 1)', () => {
  it('normalises the account number (spaces dropped) and keeps the rest', () => {
    expect(payoutDetailsSchema(today).parse(valid)).toMatchObject({ bankAccount: '6222020200112233', bankCity: '4403', legalRepIdNumber: ID });
  });
  it('names every wrong field at once: account shape, bank not listed, a city of another province, the consent', () => {
    const r = payoutDetailsSchema(today).safeParse({ ...valid, bankAccount: '1234', bankName: '某某银行', bankCity: '3101', consent: undefined });
    expect(issues(r)).toEqual({
      bankAccount: '银行账号为8至30位数字',
      bankName: '请选择开户银行',
      bankCity: '请选择该省份下的城市',
      consent: '请阅读并同意《企业银行账户及身份证件照片处理授权书》',
    });
  });
  it('the form needs each photo, chosen now or stored already', () => {
    const { emblemUploadId: _e, portraitUploadId: _p, ...text } = valid;
    const r = payoutFormSchema(today).safeParse({ ...text, portraitUploadId: UPLOAD });
    expect(issues(r)).toEqual({ emblemPhoto: '请上传法人手持身份证国徽面彩色照' });
    const file = new File([new Uint8Array([1, 2, 3])], 'emblem.png', { type: 'image/png' });
    const ok = payoutFormSchema(today).parse({ ...text, portraitUploadId: UPLOAD, emblemPhoto: file });
    expect(ok.files.emblem).toBe(file);
    expect(ok.details.portraitUploadId).toBe(UPLOAD);
  });
});

describe('operator and amount (R-E-PAY 2, 5)', () => {
  it('asks for the face consent with the operator', () => {
    expect(issues(payoutOperatorSchema(today).safeParse({ operatorName: '孙经办', operatorIdNumber: ID }))).toEqual({ consent: '请阅读并同意《人脸信息处理授权书》' });
    expect(payoutOperatorSchema(today).parse({ operatorName: '孙经办', operatorIdNumber: ID, consent: consentValue('face') })).toMatchObject({ operatorName: '孙经办' });
  });
  it('reads 元 into integer fen, full-width digits included; more than two decimals is refused', () => {
    expect(payoutAmountSchema.parse({ amount: '0.37' })).toEqual({ amountFen: 37 });
    expect(payoutAmountSchema.parse({ amount: '０.０５' })).toEqual({ amountFen: 5 });
    expect(issues(payoutAmountSchema.safeParse({ amount: '0.375' }))).toEqual({ amount: '收款金额最多两位小数' });
    expect(issues(payoutAmountSchema.safeParse({ amount: '' }))).toEqual({ amount: '请填写收款金额' });
  });
  it('refuses a zero amount as a format error, before any chance is judged (no micro-amount is ¥0.00)', () => {
    for (const amount of ['0', '0.00', '０.０', '¥0', '.0']) {
      expect(issues(payoutAmountSchema.safeParse({ amount }))).toEqual({ amount: '请填写正确的收款金额（元），如 0.37' });
    }
  });
});
