import { describe, expect, it } from 'vitest';
import { beijingMinute } from './china-time';

describe('beijingMinute', () => {
  it('shows an instant as Beijing time to the minute, the day changing at Beijing midnight', () => {
    expect(beijingMinute(new Date('2026-10-14T02:00:00Z'))).toBe('2026年10月14日 10:00');
    expect(beijingMinute(new Date('2026-12-31T16:05:59Z'))).toBe('2027年01月01日 00:05');
  });
});
