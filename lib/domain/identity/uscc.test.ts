import { describe, expect, it } from 'vitest';
import { makeUscc, usccCheckChar, validateUscc } from './uscc';

function reasonFor(input: string) {
  const result = validateUscc(input);
  return result.ok ? 'ok' : result.reason;
}

/** Published codes (business licences, public registries), checked by hand below and by the calculator here. */
const PUBLISHED = [
  '91350100M000100Y43',
  '91110000600037341L',
  '9144030071526726XG',
  '914403001922038216',
  '91310115MA1K3BTP2B',
  '92340602MA2PBMEM24',
  '121200004013590816',
];

describe('统一社会信用代码 (SPEC §10, GB 32100)', () => {
  it('accepts published codes', () => {
    for (const code of PUBLISHED) expect(reasonFor(code)).toBe('ok');
  });

  it('computes the check character as 31 − (Σ mod 31) over the 31-character alphabet', () => {
    // 91350100M000100Y4: 9·1 + 1·3 + 3·9 + 5·27 + 1·26 + M(21)·20 + 1·8 + Y(30)·30 + 4·28 = 1640;
    // 1640 mod 31 = 28; 31 − 28 = 3.
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
    // 91110000600037341: Σ = 538; 538 mod 31 = 11; 31 − 11 = 20 → L (A=10 … H=17, J=18, K=19, L=20).
    expect(usccCheckChar('91110000600037341')).toBe('L');
  });

  it('writes 31 as 0', () => {
    // A published code whose Σ is a multiple of 31.
    expect(usccCheckChar('91152201078376286')).toBe('0');
    expect(reasonFor('911522010783762860')).toBe('ok');
  });

  it('makes the full weighted sum a multiple of 31 for every check value (GB 32100)', () => {
    const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28, 1];
    const seen = new Set<string>();
    for (let n = 0; n < 400; n++) {
      const code = makeUscc('91110108', `MA${String(n).padStart(6, '0')}`);
      const sum = [...code].reduce((s, c, i) => s + alphabet.indexOf(c) * (weights[i] as number), 0);
      expect(sum % 31).toBe(0);
      seen.add(code.charAt(17));
    }
    expect(seen.size).toBe(31);
  });

  it('refuses a wrong check character (GB 32100)', () => {
    expect(reasonFor('91350100M000100Y44')).toBe('check_char');
    expect(reasonFor('91110000600037341N')).toBe('check_char');
    expect(reasonFor('9144030071526726XH')).toBe('check_char');
    expect(reasonFor('914403001922038217')).toBe('check_char');
  });

  it('refuses a code whose organisation code (positions 9–17) fails GB 11714 even when the USCC check holds', () => {
    // M000100Y with check 5 instead of 4, and the USCC check recomputed over it.
    const first17 = '91350100M000100Y5';
    expect(reasonFor(first17 + usccCheckChar(first17))).toBe('organisation_code');
  });

  it('accepts lower case, full-width characters and spaces, and stores upper case', () => {
    expect(validateUscc('91350100m000100y43')).toEqual({ ok: true, value: '91350100M000100Y43' });
    expect(validateUscc('９１３５０１００Ｍ０００１００Ｙ４３')).toEqual({ ok: true, value: '91350100M000100Y43' });
    expect(validateUscc(' 91 350100 M000100Y4 3 ')).toEqual({ ok: true, value: '91350100M000100Y43' });
  });

  it('refuses the letters I, O, Z, S and V, which GB 32100 leaves out', () => {
    for (const letter of ['I', 'O', 'Z', 'S', 'V']) {
      expect(reasonFor(`91350100M${letter}00100Y43`)).toBe('forbidden_letter');
    }
    expect(reasonFor('91350100mo00100y43')).toBe('forbidden_letter');
  });

  it('refuses other lengths and symbols', () => {
    for (const code of ['', '91350100M000100Y4', '91350100M000100Y433', '91350100M000-100Y43', '91350100M000100Y4#']) {
      expect(reasonFor(code)).toBe('format');
    }
  });

  it('makes valid fixtures with both check characters computed', () => {
    expect(makeUscc('91350100', 'M000100Y')).toBe('91350100M000100Y43');
    for (const [head, body] of [['91110108', 'MA01ABCD'], ['92440300', '12345678'], ['12100000', '40000000']] as const) {
      expect(reasonFor(makeUscc(head, body))).toBe('ok');
    }
    expect(() => makeUscc('9I110108', 'MA01ABCD')).toThrow();
    expect(() => makeUscc('91110108', 'MA01ABCS')).toThrow();
  });
});
