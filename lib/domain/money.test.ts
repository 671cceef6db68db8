import { describe, expect, it } from 'vitest';
import { formatYuan, parseYuan } from './money';

describe('money in fen', () => {
  it('formats fen as 元 with two decimals', () => {
    expect(formatYuan(37)).toBe('0.37');
    expect(formatYuan(1)).toBe('0.01');
    expect(formatYuan(12345)).toBe('123.45');
    expect(formatYuan(0)).toBe('0.00');
    expect(formatYuan(-250)).toBe('-2.50');
    expect(() => formatYuan(0.5)).toThrow(RangeError);
  });

  it('parses what users type, exactly, without floating point', () => {
    expect(parseYuan('0.37')).toEqual({ ok: true, fen: 37 });
    expect(parseYuan(' 0.3 ')).toEqual({ ok: true, fen: 30 });
    expect(parseYuan('.07')).toEqual({ ok: true, fen: 7 });
    expect(parseYuan('¥0.99')).toEqual({ ok: true, fen: 99 });
    expect(parseYuan('0.29元')).toEqual({ ok: true, fen: 29 });
    // 0.29 * 100 is 28.999999999999996 in floating point: string arithmetic gets 29.
    expect(parseYuan('0.29')).toEqual({ ok: true, fen: 29 });
    expect(parseYuan('1')).toEqual({ ok: true, fen: 100 });
  });

  it('refuses empty, malformed and over-precise amounts', () => {
    expect(parseYuan('')).toEqual({ ok: false, reason: 'empty' });
    expect(parseYuan('abc')).toEqual({ ok: false, reason: 'format' });
    expect(parseYuan('0.3.7')).toEqual({ ok: false, reason: 'format' });
    expect(parseYuan('-0.37')).toEqual({ ok: false, reason: 'format' });
    expect(parseYuan('.')).toEqual({ ok: false, reason: 'format' });
    expect(parseYuan('0.375')).toEqual({ ok: false, reason: 'precision' });
    expect(parseYuan('1e2')).toEqual({ ok: false, reason: 'format' });
  });
});
