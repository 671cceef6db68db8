import { describe, expect, it } from 'vitest';
import { recogniseRefusedDocument, validateHkMacauPermit, validateTaiwanPermit } from './permits';

describe('港澳居民来往内地通行证 (SPEC §10)', () => {
  it('accepts H or M followed by 8 digits (current) or 10 digits (older cards)', () => {
    for (const number of ['H12345678', 'M12345678', 'H1234567890', 'M1234567890']) {
      expect(validateHkMacauPermit(number)).toEqual({ ok: true, value: number });
    }
  });

  it('normalises lower case, full-width characters and spaces', () => {
    expect(validateHkMacauPermit(' h1234 5678 ')).toEqual({ ok: true, value: 'H12345678' });
    expect(validateHkMacauPermit('Ｍ１２３４５６７８')).toEqual({ ok: true, value: 'M12345678' });
  });

  it('refuses other letters and other lengths', () => {
    for (const number of ['', 'K12345678', '12345678', 'H1234567', 'H123456789', 'H12345678901', 'HM2345678']) {
      expect(validateHkMacauPermit(number)).toEqual({ ok: false, reason: 'format' });
    }
  });
});

describe('台湾居民来往大陆通行证 (SPEC §10)', () => {
  it('accepts 8 digits (current) or 10 digits (older cards)', () => {
    expect(validateTaiwanPermit('12345678')).toEqual({ ok: true, value: '12345678' });
    expect(validateTaiwanPermit('１２３４ ５６７８９０')).toEqual({ ok: true, value: '1234567890' });
  });

  it('refuses letters and other lengths', () => {
    for (const number of ['', '1234567', '123456789', '12345678901', 'T12345678', 'H12345678']) {
      expect(validateTaiwanPermit(number)).toEqual({ ok: false, reason: 'format' });
    }
  });
});

describe('documents R-LIM-5 does not accept', () => {
  it('recognises 港澳台居民居住证 (18 characters starting 81, 82 or 83)', () => {
    expect(recogniseRefusedDocument('810000199001011234')).toBe('hmt_residence_permit');
    expect(recogniseRefusedDocument('82000019900101123x')).toBe('hmt_residence_permit');
    expect(recogniseRefusedDocument('830000199001011234')).toBe('hmt_residence_permit');
  });

  it('recognises foreign permanent-residence cards (18 characters starting 9)', () => {
    expect(recogniseRefusedDocument('933156199001011234')).toBe('foreign_permanent_residence_card');
  });

  it('does not mistake accepted documents for refused ones', () => {
    for (const number of ['11010519491231002X', 'H12345678', '12345678', '84000019900101123X', '8100001990010112']) {
      expect(recogniseRefusedDocument(number)).toBeNull();
    }
  });
});
