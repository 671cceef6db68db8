import { describe, expect, it } from 'vitest';
import { makeOrganisationCode, organisationCodeCheckChar, validateOrganisationCode } from './organisation-code';

function reasonFor(input: string) {
  const result = validateOrganisationCode(input);
  return result.ok ? 'ok' : result.reason;
}

describe('组织机构代码 (SPEC §10, GB 11714)', () => {
  it('computes C = 11 − (Σ mod 11) with weights 3 7 9 10 5 8 4 2 and letters A=10 … Z=35', () => {
    // M=22, Y=34: 22·3 + 1·5 + 34·2 = 139; 139 mod 11 = 7; 11 − 7 = 4.
    expect(organisationCodeCheckChar('M000100Y')).toBe('4');
    expect(organisationCodeCheckChar('60003734')).toBe('1');
  });

  it('writes 10 as X and 11 as 0', () => {
    // 6·2 = 12; 12 mod 11 = 1; 11 − 1 = 10 → X.
    expect(organisationCodeCheckChar('00000006')).toBe('X');
    // Σ = 0; 11 − 0 = 11 → 0.
    expect(organisationCodeCheckChar('00000000')).toBe('0');
  });

  it('accepts published codes, also in the printed XXXXXXXX-X form and in lower case', () => {
    for (const code of ['M000100Y4', '71526726X', '600037341', '71526726-X', 'm000100y-4', 'Ｍ０００１００Ｙ４']) {
      expect(reasonFor(code)).toBe('ok');
    }
    expect(validateOrganisationCode('71526726-x')).toEqual({ ok: true, value: '71526726X' });
  });

  it('makes the full weighted sum a multiple of 11 for every check value, X counting 10 (GB 11714)', () => {
    const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    const weights = [3, 7, 9, 10, 5, 8, 4, 2, 1];
    const seen = new Set<string>();
    for (let n = 0; n < 200; n++) {
      const code = makeOrganisationCode(`A${String(n).padStart(7, '0')}`);
      const sum = [...code].reduce((s, c, i) => s + alphabet.indexOf(c === 'X' && i === 8 ? 'A' : c) * (weights[i] as number), 0);
      expect(sum % 11).toBe(0);
      seen.add(code.charAt(8));
    }
    expect(seen.size).toBe(11);
  });

  it('refuses a wrong check character (GB 11714)', () => {
    expect(reasonFor('M000100Y5')).toBe('check_char');
    expect(reasonFor('715267260')).toBe('check_char');
  });

  it('refuses other lengths, symbols, and a letter other than X in the check position', () => {
    for (const code of ['', 'M000100Y', 'M000100Y44', 'M000_100Y4', 'M000100YA', '7152-6726X']) {
      expect(reasonFor(code)).toBe('format');
    }
  });

  it('makes valid fixtures', () => {
    expect(makeOrganisationCode('M000100Y')).toBe('M000100Y4');
    for (const body of ['12345678', 'ABCDEFGH', 'MA2PBM9H', 'ZZZZZZZZ']) {
      expect(reasonFor(makeOrganisationCode(body))).toBe('ok');
    }
  });
});
