import { describe, expect, it } from 'vitest';
import { beijingMinuteParts } from './china-time';

describe('beijingMinute', () => {
  it('shows an instant as Beijing time to the minute, the day changing at Beijing midnight', () => {
    expect(beijingMinuteParts(new Date('2026-10-14T02:00:00Z'))).toEqual({ year: '2026', month: '10', day: '14', hour: '10', minute: '00' });
    expect(beijingMinuteParts(new Date('2026-12-31T16:05:59Z'))).toEqual({ year: '2027', month: '01', day: '01', hour: '00', minute: '05' });
  });
});
