import { describe, expect, it } from 'vitest';
import {
  isPersonalDocumentType,
  PERSONAL_DOCUMENT_TYPES,
  validateDocument,
} from './document-types';
import { makeResidentId } from './resident-id';

const today = { year: 2025, month: 6, day: 15 };

function messageFor(...args: Parameters<typeof validateDocument>) {
  const result = validateDocument(...args);
  return result.ok ? 'ok' : result.message.code;
}

describe('personal document types (R-LIM-5)', () => {
  it('accepts exactly 身份证, 港澳居民来往内地通行证 and 台湾居民来往大陆通行证', () => {
    expect(PERSONAL_DOCUMENT_TYPES).toEqual(['resident_id', 'hk_macau_permit', 'taiwan_permit']);
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
    expect(messageFor('resident_id', ' \u3000', today)).toBe('identity.document.required');
  });

  it('says which resident ID rule failed', () => {
    expect(messageFor('resident_id', '1101051949123100', today)).toBe('identity.document.format.resident_id');
    expect(messageFor('resident_id', makeResidentId('710105', '19900101', '001'), today)).toBe(
      'identity.residentId.province',
    );
    expect(messageFor('resident_id', makeResidentId('110105', '19900231', '001'), today)).toBe('identity.residentId.birth_date');
    expect(messageFor('resident_id', makeResidentId('110105', '20250616', '001'), today)).toBe(
      'identity.residentId.future_birth_date',
    );
    expect(messageFor('resident_id', '110105194912310021', today)).toBe('identity.residentId.check_char');
  });

  it('says a permit number is not in its format', () => {
    expect(messageFor('hk_macau_permit', 'H1234567', today)).toBe(
      'identity.document.format.hk_macau_permit',
    );
    expect(messageFor('taiwan_permit', '1234567', today)).toBe('identity.document.format.taiwan_permit');
  });

  it('refuses a residence permit or foreign permanent-residence card, naming the accepted types and 国际站', () => {
    const refused = validateDocument('resident_id', '810000199001011234', today);
    expect(refused).toMatchObject({ ok: false, reason: 'not_accepted' });
    expect(!refused.ok && refused.message).toEqual({ code: 'identity.document.refused', params: { document: 'hmt_residence_permit' } });
    for (const type of PERSONAL_DOCUMENT_TYPES) {
      const foreign = validateDocument(type, '933156199001011234', today);
      expect(!foreign.ok && foreign.message).toEqual({ code: 'identity.document.refused', params: { document: 'foreign_permanent_residence_card' } });
    }
  });
});
