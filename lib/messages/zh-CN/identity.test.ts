import { describe, expect, it } from 'vitest';
import { BANK_ACCOUNT_MESSAGE, validateBankAccount } from '@/lib/domain/identity/bank-account';
import { NOT_ACCEPTED_MESSAGE, PERSONAL_DOCUMENT_TYPES, validateDocument } from '@/lib/domain/identity/document-types';
import { validateEnterpriseCode } from '@/lib/domain/identity/enterprise-code';
import { validateMainlandIdField } from '@/lib/domain/identity/mainland-id';
import { makeResidentId } from '@/lib/domain/identity/resident-id';
import { usccCheckChar } from '@/lib/domain/identity/uscc';
import { validateEnterpriseName } from '@/lib/domain/enterprise-name';
import { validatePersonName } from '@/lib/domain/person-name';
import { identityMessages, identityText, numberPlaceholder } from './identity';

/**
 * The words of lib/domain/identity's refusals (issue 17): the domain answers with codes
 * (its own tests), and these are the sentences a user reads for them, unchanged.
 */
const today = { year: 2025, month: 6, day: 15 };

function messageFor(...args: Parameters<typeof validateDocument>) {
  const result = validateDocument(...args);
  return result.ok ? 'ok' : identityText(result.message);
}

describe('personal document refusals, worded (SPEC §10, R-LIM-5)', () => {
  it('names the three accepted documents', () => {
    expect(PERSONAL_DOCUMENT_TYPES.map((t) => identityMessages[`identity.documentType.${t}`])).toEqual(['身份证', '港澳居民来往内地通行证', '台湾居民来往大陆通行证']);
  });

  it('gives the number field the placeholder of the chosen type, the resident ID’s for anything else', () => {
    expect(PERSONAL_DOCUMENT_TYPES.map(numberPlaceholder)).toEqual(['请填写18位二代身份证号码', '请填写 H 或 M 开头的通行证号码', '请填写 8 位或 10 位通行证号码']);
    expect(numberPlaceholder('')).toBe('请填写18位二代身份证号码');
    expect(numberPlaceholder('toString')).toBe('请填写18位二代身份证号码');
  });

  it('asks for a number when none is given', () => {
    expect(messageFor('resident_id', ' \u3000', today)).toBe('请填写证件号码');
  });

  it('explains each resident ID rule in Chinese', () => {
    expect(messageFor('resident_id', '1101051949123100', today)).toBe('请填写18位二代身份证号码');
    expect(messageFor('resident_id', makeResidentId('710105', '19900101', '001'), today)).toBe(
      '身份证号码前两位不是有效的省份代码，请检查',
    );
    expect(messageFor('resident_id', makeResidentId('110105', '19900231', '001'), today)).toBe('出生日期无效');
    expect(messageFor('resident_id', makeResidentId('110105', '20250616', '001'), today)).toBe(
      '出生日期不能晚于今天，请检查',
    );
    expect(messageFor('resident_id', '110105194912310021', today)).toBe('身份证号码校验位不正确，请检查');
  });

  it('explains the permit formats in Chinese', () => {
    expect(messageFor('hk_macau_permit', 'H1234567', today)).toBe(
      '港澳居民来往内地通行证号码格式为 H 或 M 加 8 位或 10 位数字',
    );
    expect(messageFor('taiwan_permit', '1234567', today)).toBe('台湾居民来往大陆通行证号码格式为 8 位或 10 位数字');
  });

  it('refuses a residence permit or foreign permanent-residence card, naming the accepted types and 国际站', () => {
    const refused = validateDocument('resident_id', '810000199001011234', today);
    expect(refused).toMatchObject({ ok: false, reason: 'not_accepted' });
    expect(!refused.ok && identityText(refused.message)).toContain('港澳台居民居住证');
    expect(identityText(NOT_ACCEPTED_MESSAGE)).toBe(
      '个人实名认证仅支持身份证、港澳居民来往内地通行证、台湾居民来往大陆通行证，持其他证件请前往国际站完成认证',
    );
    for (const type of PERSONAL_DOCUMENT_TYPES) {
      expect(messageFor(type, '933156199001011234', today)).toBe(`暂不支持外国人永久居留身份证。${identityText(NOT_ACCEPTED_MESSAGE)}`);
    }
  });
});

describe('enterprise code refusals, worded (SPEC §5.1, §10)', () => {
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
      expect(result.ok ? 'ok' : identityText(result.message)).toBe(message);
    }
  });

  it('names the organisation code part when only its GB 11714 check fails', () => {
    const first17 = '91350100M000100Y5';
    const refused = validateEnterpriseCode(first17 + usccCheckChar(first17));
    expect(!refused.ok && identityText(refused.message)).toBe('统一社会信用代码第9至17位（组织机构代码）校验不正确，请检查');
    expect(refused).toEqual({
      ok: false,
      kind: 'uscc',
      reason: 'organisation_code',
      message: { code: 'identity.uscc.organisation_code' },
    });
  });
});

describe('field refusals, worded', () => {
  it('names the mainland-ID field, or says the field’s own not-mainland sentence', () => {
    const field = { label: '企业法人身份证号', notMainland: '仅支持中国大陆居民身份证' };
    const say = (input: string) => {
      const r = validateMainlandIdField(input, { year: 2026, month: 11, day: 27 }, field);
      return r.ok ? 'ok' : identityText(r.message);
    };
    expect(say(' ')).toBe('请填写企业法人身份证号');
    expect(say('H12345678')).toBe('仅支持中国大陆居民身份证');
    const id = makeResidentId('110105', '19900101', '123');
    expect(say(id.slice(0, 17) + (id[17] === '1' ? '2' : '1'))).toBe('企业法人身份证号校验位不正确，请检查');
    expect(say(makeResidentId('110105', '20270101', '123'))).toBe('企业法人身份证号中的出生日期不能晚于今天，请检查');
  });

  it('names a person-name field (真实姓名 unless told)', () => {
    const say = (input: string, label?: string) => {
      const r = validatePersonName(input, label);
      return r.ok ? 'ok' : identityText(r.message);
    };
    expect(say('  ')).toBe('请填写真实姓名');
    expect(say('  ', '经办人姓名')).toBe('请填写经办人姓名');
    expect(say('张')).toBe('真实姓名应为 2–30 个字符');
    expect(say('张三1', '企业法人姓名')).toBe('企业法人姓名只能包含汉字、英文字母、空格和间隔号“·”');
  });

  it('words the enterprise-name and bank-account refusals', () => {
    const name = (input: string) => {
      const r = validateEnterpriseName(input);
      return r.ok ? 'ok' : identityText(r.message);
    };
    expect(name('  ')).toBe('请填写企业名称');
    expect(name('星')).toBe('企业名称应为 2–100 个字符');
    expect(name('星河<script>')).toBe('企业名称含有不支持的字符，请严格按照营业执照企业名称填写');
    expect(validateBankAccount('123')).toEqual({ ok: false, reason: 'format' });
    expect(identityText(BANK_ACCOUNT_MESSAGE.format)).toBe('银行账号为8至30位数字');
  });
});
