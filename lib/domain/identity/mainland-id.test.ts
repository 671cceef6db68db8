import { describe, expect, it } from 'vitest';
import { validateMainlandIdField } from './mainland-id';
import { makeResidentId } from './resident-id';

const today = { year: 2026, month: 11, day: 27 };
const field = { label: '企业法人身份证号', notMainland: '仅支持中国大陆居民身份证' };

describe('mainland-ID-only fields', () => {
  it('accepts a mainland ID, normalising a lower-case x', () => {
    const id = makeResidentId('110105', '19491231', '002');
    expect(validateMainlandIdField(id.toLowerCase(), today, field)).toMatchObject({ ok: true, value: id });
  });

  it('names the field, and refuses permits, residence permits and foreign cards as not mainland', () => {
    expect(validateMainlandIdField(' ', today, field)).toMatchObject({ ok: false, message: { code: 'identity.mainlandId.required', params: { label: '企业法人身份证号' } } });
    for (const other of ['H12345678', '87654321', makeResidentId('810000', '19900101', '123'), makeResidentId('900000', '19900101', '123')]) {
      expect(validateMainlandIdField(other, today, field)).toMatchObject({ ok: false, message: { code: 'identity.mainlandId.notMainland', params: { text: field.notMainland } } });
    }
    const id = makeResidentId('110105', '19900101', '123');
    expect(validateMainlandIdField(id.slice(0, 17) + (id[17] === '1' ? '2' : '1'), today, field)).toMatchObject({ ok: false, reason: 'check_char' });
    expect(validateMainlandIdField(makeResidentId('110105', '20270101', '123'), today, field)).toMatchObject({ ok: false, reason: 'future_birth_date' });
  });
});
