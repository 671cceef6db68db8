import { describe, expect, it } from 'vitest';
import { maskBankAccount, maskIdentifier, maskMobile, maskPersonName } from './mask';

describe('masking (SPEC §9)', () => {
  it('shows only the first and last character of an ID number', () => {
    expect(maskIdentifier('11010519491231002X')).toBe('1****************X');
  });
  it('masks a credit code the same way', () => {
    expect(maskIdentifier('91350100M000100Y43')).toBe('9****************3');
  });
  it('shows the last 4 digits of a bank account', () => {
    expect(maskBankAccount('6222021234567890123')).toBe('**** 0123');
  });
  it('masks a mobile as 138****5678, with or without +86', () => {
    expect(maskMobile('+8613812345678')).toBe('138****5678');
    expect(maskMobile('13812345678')).toBe('138****5678');
  });
  it('never reveals a very short value', () => {
    expect(maskIdentifier('AB')).toBe('**');
  });
  it('keeps only the first character of a person\'s name, a one-character name included', () => {
    expect(maskPersonName('韩立新')).toBe('韩**');
    expect(maskPersonName('李')).toBe('李*');
  });
});
