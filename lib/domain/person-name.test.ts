import { describe, expect, it } from 'vitest';
import { validatePersonName } from './person-name';

describe('真实姓名 (SPEC §4.1)', () => {
  it('accepts Chinese names, Latin names and transliterations with the middle dot', () => {
    expect(validatePersonName('张三')).toEqual({ ok: true, value: '张三' });
    expect(validatePersonName('Chan Tai Man')).toEqual({ ok: true, value: 'Chan Tai Man' });
    expect(validatePersonName('阿卜杜•热合曼')).toEqual({ ok: true, value: '阿卜杜·热合曼' });
  });
  it('trims and folds full-width letters', () => {
    expect(validatePersonName('  ＬＩ Ｍｉｎｇ ')).toEqual({ ok: true, value: 'LI Ming' });
  });
  it('refuses 1 character and 31 characters', () => {
    expect(validatePersonName('张').ok).toBe(false);
    expect(validatePersonName('张'.repeat(31)).ok).toBe(false);
    expect(validatePersonName('张'.repeat(30)).ok).toBe(true);
  });
  it('refuses digits, other punctuation and a leading dot', () => {
    expect(validatePersonName('张三1').ok).toBe(false);
    expect(validatePersonName('张三!').ok).toBe(false);
    expect(validatePersonName('·张三').ok).toBe(false);
  });
  it('refuses an empty name with its own message', () => {
    expect(validatePersonName('  ')).toEqual({ ok: false, message: { code: 'identity.personName.required', params: {} } });
  });
});
