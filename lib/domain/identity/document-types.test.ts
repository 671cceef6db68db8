import { describe, expect, it } from 'vitest';
import {
  isPersonalDocumentType,
  NOT_ACCEPTED_MESSAGE,
  PERSONAL_DOCUMENT_LABEL,
  PERSONAL_DOCUMENT_TYPES,
  validateDocument,
} from './document-types';
import { makeResidentId } from './resident-id';

const today = { year: 2025, month: 6, day: 15 };

function messageFor(...args: Parameters<typeof validateDocument>) {
  const result = validateDocument(...args);
  return result.ok ? 'ok' : result.message;
}

describe('personal document types (R-LIM-5)', () => {
  it('accepts exactly 身份证, 港澳居民来往内地通行证 and 台湾居民来往大陆通行证', () => {
    expect(PERSONAL_DOCUMENT_TYPES.map((t) => PERSONAL_DOCUMENT_LABEL[t])).toEqual([
      '身份证',
      '港澳居民来往内地通行证',
      '台湾居民来往大陆通行证',
    ]);
    expect(isPersonalDocumentType('taiwan_permit')).toBe(true);
    expect(isPersonalDocumentType('passport')).toBe(false);
  });

  it('returns the normalised number, and the birth date for a resident ID', () => {
    expect(validateDocument('resident_id', '11010519491231002x', today)).toEqual({
      ok: true,
      type: 'resident_id',
      value: '11010519491231002X',
      birthDate: { year: 1949, month: 12, day: 31 },
    });
    expect(validateDocument('hk_macau_permit', 'h12345678', today)).toEqual({
      ok: true,
      type: 'hk_macau_permit',
      value: 'H12345678',
    });
    expect(validateDocument('taiwan_permit', '1234567890', today)).toEqual({
      ok: true,
      type: 'taiwan_permit',
      value: '1234567890',
    });
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
    expect(!refused.ok && refused.message).toContain('港澳台居民居住证');
    expect(NOT_ACCEPTED_MESSAGE).toBe(
      '个人实名认证仅支持身份证、港澳居民来往内地通行证、台湾居民来往大陆通行证，持其他证件请前往国际站完成认证',
    );
    for (const type of PERSONAL_DOCUMENT_TYPES) {
      expect(messageFor(type, '933156199001011234', today)).toBe(`暂不支持外国人永久居留身份证。${NOT_ACCEPTED_MESSAGE}`);
    }
  });
});
