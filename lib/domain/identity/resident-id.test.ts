import { describe, expect, it } from 'vitest';
import { makeResidentId, residentIdCheckChar, validateResidentId } from './resident-id';

const today = { year: 2025, month: 6, day: 15 };

function reasonFor(input: string) {
  const result = validateResidentId(input, today);
  return result.ok ? 'ok' : result.reason;
}

describe('mainland resident ID (SPEC §10, GB 11643)', () => {
  it('accepts the examples printed in GB 11643 and returns the birth date', () => {
    expect(validateResidentId('11010519491231002X', today)).toEqual({
      ok: true,
      value: '11010519491231002X',
      birthDate: { year: 1949, month: 12, day: 31 },
    });
    expect(reasonFor('440524188001010014')).toBe('ok');
  });

  it('computes the check character: Σ aᵢ·Wᵢ mod 11 → 1 0 X 9 8 7 6 5 4 3 2', () => {
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
    expect(residentIdCheckChar('44052418800101001')).toBe('4');
    // 17 zeros: Σ = 0 → '1'.
    expect(residentIdCheckChar('00000000000000000')).toBe('1');
  });

  it('makes the full weighted sum ≡ 1 (mod 11) for every remainder, X counting 10 (GB 11643)', () => {
    const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2, 1];
    const seen = new Set<string>();
    for (let seq = 0; seq < 200; seq++) {
      const id = makeResidentId('320102', '19851023', String(seq).padStart(3, '0'));
      const sum = [...id].reduce((s, c, i) => s + (c === 'X' ? 10 : Number(c)) * (weights[i] as number), 0);
      expect(sum % 11).toBe(1);
      seen.add(id.charAt(17));
    }
    expect(seen.size).toBe(11);
  });

  it('refuses a wrong check character (GB 11643)', () => {
    expect(reasonFor('110105194912310021')).toBe('check_char');
    expect(reasonFor('440524188001010015')).toBe('check_char');
  });

  it('accepts a lower-case x, full-width characters and spaces, and stores the number with X', () => {
    for (const typed of ['11010519491231002x', ' 110105 19491231 002X ', '１１０１０５１９４９１２３１００２ｘ']) {
      const result = validateResidentId(typed, today);
      expect(result.ok && result.value).toBe('11010519491231002X');
    }
  });

  it('refuses anything but 17 digits and a digit or X', () => {
    expect(reasonFor('')).toBe('format');
    expect(reasonFor('1101051949123100')).toBe('format');
    expect(reasonFor('110105194912310021X')).toBe('format');
    expect(reasonFor('11010519491231002Y')).toBe('format');
    expect(reasonFor('1101051949123X0021')).toBe('format');
    // First-generation 15-digit numbers are no longer valid documents.
    expect(reasonFor('110105491231002')).toBe('format');
  });

  it('refuses a first two digits that are not a mainland province code', () => {
    for (const area of ['000000', '100000', '160000', '710000', '990000']) {
      expect(reasonFor(makeResidentId(area, '19900101', '123'))).toBe('province');
    }
    for (const province of ['11', '15', '21', '23', '31', '37', '41', '46', '50', '54', '61', '65']) {
      expect(reasonFor(makeResidentId(`${province}0102`, '19900101', '123'))).toBe('ok');
    }
  });

  it('accepts retired area codes: holders keep their numbers when counties merge', () => {
    // 110103 崇文区 (merged 2010), 310103 卢湾区 (merged 2011).
    expect(reasonFor(makeResidentId('110103', '19800101', '001'))).toBe('ok');
    expect(reasonFor(makeResidentId('310103', '19800101', '001'))).toBe('ok');
  });

  it('refuses a birth date that does not exist (31 Feb, 29 Feb of a common year)', () => {
    expect(reasonFor(makeResidentId('110105', '19900231', '001'))).toBe('birth_date');
    expect(reasonFor(makeResidentId('110105', '19900431', '001'))).toBe('birth_date');
    expect(reasonFor(makeResidentId('110105', '19901301', '001'))).toBe('birth_date');
    expect(reasonFor(makeResidentId('110105', '19900100', '001'))).toBe('birth_date');
    expect(reasonFor(makeResidentId('110105', '19000229', '001'))).toBe('birth_date');
    expect(reasonFor(makeResidentId('110105', '20230229', '001'))).toBe('birth_date');
    expect(reasonFor(makeResidentId('110105', '00000101', '001'))).toBe('birth_date');
  });

  it('accepts 29 February in leap years, 2000 included', () => {
    expect(reasonFor(makeResidentId('110105', '20000229', '001'))).toBe('ok');
    expect(reasonFor(makeResidentId('110105', '19960229', '001'))).toBe('ok');
  });

  it('refuses a birth date after today, and accepts one born today', () => {
    expect(reasonFor(makeResidentId('110105', '20250616', '001'))).toBe('future_birth_date');
    expect(reasonFor(makeResidentId('110105', '20300101', '001'))).toBe('future_birth_date');
    expect(reasonFor(makeResidentId('110105', '20250615', '001'))).toBe('ok');
  });

  it('reports the first rule broken: province before date before check character', () => {
    expect(reasonFor('71010519900231002X')).toBe('province');
    expect(reasonFor('11010519900231002X')).toBe('birth_date');
  });

  it('makes valid fixtures and refuses malformed fixture parts', () => {
    expect(makeResidentId('110105', '19491231', '002')).toBe('11010519491231002X');
    expect(() => makeResidentId('11010', '19491231', '002')).toThrow();
    expect(() => makeResidentId('110105', '1949-12-31', '002')).toThrow();
  });
});
