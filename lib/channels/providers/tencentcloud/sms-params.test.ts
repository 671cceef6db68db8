import { describe, expect, it } from 'vitest';
import { carriesPersonalNumber, findPersonalNumber } from './sms-params';

describe('SMS template parameters carry no personal number', () => {
  it('refuses a mobile, a bank card and an ID number, however they are spaced', () => {
    for (const value of ['13800138000', '+86 138 0013 8000', '6222 0212 3456 7890 123', '11010519491231002X', '110105-19491231-0038', '１３８００１３８０００']) {
      expect(carriesPersonalNumber(value), value).toBe(true);
    }
  });

  it('lets masked values, amounts, dates and short codes through', () => {
    for (const value of ['尾号 8000', '****8000', '1,234,567.00', '0.37', '2026-03-01 18:00', '认证成功', '123456', '张*']) {
      expect(carriesPersonalNumber(value), value).toBe(false);
    }
  });

  it('names the first offending parameter', () => {
    expect(findPersonalNumber(['个人', '13800138000'])).toBe(1);
    expect(findPersonalNumber(['个人', '尾号 8000'])).toBe(-1);
  });
});
