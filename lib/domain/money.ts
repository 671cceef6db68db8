/**
 * Money is integer fen everywhere (SPEC §11.1: never floats). These turn fen into the
 * 元 text users read and parse what they type back into fen, exactly.
 */
export type Fen = number;

/** 37 → "0.37", 12345 → "123.45". */
export function formatYuan(fen: Fen): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError('fen must be a safe integer');
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * What may stand around an amount as people type it: a yuan sign before (¥ U+00A5, and
 * its full-width ￥ U+FFE5) and the unit 元 after. Input grammar, not words shown to
 * anyone: written as escapes so that lib/domain holds no CJK outside comments.
 */
const YUAN_SIGN = /^[\u00a5\uffe5]\s*/;
const YUAN_UNIT = /\u5143$/;

export type YuanParse = { ok: true; fen: Fen } | { ok: false; reason: 'empty' | 'format' | 'precision' };

/**
 * What a user typed as an amount in 元 ("0.37", "0.3", ".37", "¥0.37", full-width digits
 * already normalised by the caller) → fen, by string arithmetic only. More than two
 * decimals is refused (`precision`), anything but digits and one point is `format`.
 */
export function parseYuan(input: string): YuanParse {
  const text = input.trim().replace(YUAN_SIGN, '').replace(YUAN_UNIT, '').trim();
  if (text === '') return { ok: false, reason: 'empty' };
  const match = /^(\d*)(?:\.(\d*))?$/.exec(text);
  if (!match || (match[1] === '' && (match[2] ?? '') === '')) return { ok: false, reason: 'format' };
  const whole = match[1] || '0';
  const decimals = match[2] ?? '';
  if (decimals.length > 2) return { ok: false, reason: 'precision' };
  if (whole.length > 12) return { ok: false, reason: 'format' };
  return { ok: true, fen: Number(whole) * 100 + Number(decimals.padEnd(2, '0')) };
}
