import { describe, expect, it } from 'vitest';
import { alphanumericRuns, codesIn, fixRegistrationNumber, fixUscc } from './code';

// Valid codes (check characters computed by lib/domain/identity's generators).
const USCC = '91110108MA01ABCD5T';
const USCC_NON_BUSINESS = '12440300455758803K';
const PUBLISHED_USCC = '91350100M000100Y43';
const REGISTRATION = '330106000123458';

describe('fixUscc: letters OCR reads for digits, only where a USCC cannot hold them', () => {
  it('turns I O Z S into 1 0 2 5 anywhere: GB 32100 leaves them out of the alphabet', () => {
    expect(fixUscc('9I35O1OOMOOO1OOY43')).toBe('91350100M000100Y43');
    expect(fixUscc('9S110108MA01ABCD5T')).toBe('95110108MA01ABCD5T');
    expect(fixUscc('91Z10108MA01ABCD5T')).toBe('91210108MA01ABCD5T');
  });

  it('turns B into 8 only in positions 3–8 (the area code, digits only)', () => {
    expect(fixUscc('911101B8MA01ABCD5T')).toBe('91110188MA01ABCD5T');
    // B is a letter of the alphabet in the organisation code and the check character: kept.
    expect(fixUscc('91110108MA01ABCD5B')).toBe('91110108MA01ABCD5B');
    expect(fixUscc('B1110108MA01ABCD5T')).toBe('B1110108MA01ABCD5T');
  });

  it('leaves other letters alone (no guessing: the checksum decides)', () => {
    expect(fixUscc('91110108MA01ABCD5T')).toBe(USCC);
    expect(fixUscc('9111010GMA01ABCD5T')).toBe('9111010GMA01ABCD5T');
  });
});

describe('fixRegistrationNumber: 15 digits, so every confusable letter is its digit', () => {
  it('maps O I Z S B to 0 1 2 5 8', () => {
    expect(fixRegistrationNumber('33O1O6OOO1Z345B')).toBe('330106000123458');
    expect(fixRegistrationNumber('S30106000123458')).toBe('530106000123458');
  });
});

describe('alphanumericRuns', () => {
  it('half-widths, upper-cases and drops spaces and separators inside a code', () => {
    expect(alphanumericRuns('９１１１０１０８ma01 abcd-5t')).toEqual(['91110108MA01ABCD5T']);
    expect(alphanumericRuns('统一社会信用代码：91110108MA01ABCD5T（副本）')).toEqual(['91110108MA01ABCD5T']);
  });
});

describe('codesIn: only codes whose check characters hold', () => {
  it('finds a USCC and a registration number as printed', () => {
    expect(codesIn(USCC)).toEqual([{ code: USCC, kind: 'uscc' }]);
    expect(codesIn(USCC_NON_BUSINESS)).toEqual([{ code: USCC_NON_BUSINESS, kind: 'uscc' }]);
    expect(codesIn(`注册号 ${REGISTRATION}`)).toEqual([{ code: REGISTRATION, kind: 'registration_number' }]);
  });

  it('repairs the common confusions and then checks', () => {
    expect(codesIn('9I35O1OOMOOO1OOY43')).toEqual([{ code: PUBLISHED_USCC, kind: 'uscc' }]);
    expect(codesIn('33O1O6OOO1Z3458')).toEqual([{ code: REGISTRATION, kind: 'registration_number' }]);
  });

  it('drops a misread code rather than guessing it', () => {
    // One character wrong: the check character no longer holds.
    expect(codesIn('91110108MA01ABCE5T')).toEqual([]);
    // A character missing or one too many.
    expect(codesIn('91110108MA01ABC5T')).toEqual([]);
    expect(codesIn('330106000123457')).toEqual([]);
  });

  it('finds a USCC inside a longer run (a prefix read with it)', () => {
    expect(codesIn(`NO${USCC}`)).toEqual([{ code: USCC, kind: 'uscc' }]);
  });

  it('never cuts a 15-digit window out of a longer run (one check digit passes one misread in ten)', () => {
    expect(codesIn(`${REGISTRATION}7`)).toEqual([]);
    expect(codesIn(`1${REGISTRATION}`)).toEqual([]);
  });

  it('ignores dates, phone numbers and web addresses', () => {
    expect(codesIn('2014年10月27日至长期 13800138000 http://www.gsxt.gov.cn')).toEqual([]);
  });
});
