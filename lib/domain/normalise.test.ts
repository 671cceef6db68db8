import { describe, expect, it } from 'vitest';
import { normaliseIdentifier, normaliseText, toHalfWidth } from './normalise';

describe('input normalisation (SPEC §10)', () => {
  it('turns full-width digits and letters into half-width', () => {
    expect(toHalfWidth('１１０１０５ｘ')).toBe('110105x');
  });
  it('trims, removes inner spaces and upper-cases identifiers', () => {
    expect(normaliseIdentifier('  11010519491231002x ')).toBe('11010519491231002X');
    expect(normaliseIdentifier('Ｈ１２３４　５６７８')).toBe('H12345678');
  });
  it('collapses white space in free text, including the ideographic space', () => {
    expect(normaliseText('  张　三  ')).toBe('张 三');
  });
});
