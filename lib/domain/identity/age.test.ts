import { describe, expect, it } from 'vitest';
import { ageOn, isAdultOn } from './age';

const birth = { year: 2000, month: 6, day: 15 };

describe('age on a given day (R-LIM-4)', () => {
  it('counts a minor at 17 years and 364 days', () => {
    expect(ageOn(birth, { year: 2018, month: 6, day: 14 })).toBe(17);
    expect(isAdultOn(birth, { year: 2018, month: 6, day: 14 })).toBe(false);
  });

  it('counts an adult on the 18th birthday itself', () => {
    expect(ageOn(birth, { year: 2018, month: 6, day: 15 })).toBe(18);
    expect(isAdultOn(birth, { year: 2018, month: 6, day: 15 })).toBe(true);
  });

  it('counts whole years across year ends', () => {
    expect(ageOn({ year: 1990, month: 12, day: 31 }, { year: 2025, month: 1, day: 1 })).toBe(34);
    expect(ageOn({ year: 1990, month: 1, day: 1 }, { year: 2025, month: 12, day: 31 })).toBe(35);
  });

  it('makes someone born on 29 February a year older on 1 March in common years', () => {
    const leapling = { year: 2004, month: 2, day: 29 };
    expect(isAdultOn(leapling, { year: 2022, month: 2, day: 28 })).toBe(false);
    expect(isAdultOn(leapling, { year: 2022, month: 3, day: 1 })).toBe(true);
    // In leap years the birthday is 29 February itself.
    expect(ageOn(leapling, { year: 2024, month: 2, day: 28 })).toBe(19);
    expect(ageOn(leapling, { year: 2024, month: 2, day: 29 })).toBe(20);
  });

  it('never counts someone born after today as an adult', () => {
    const today = { year: 2025, month: 6, day: 15 };
    expect(ageOn({ year: 2025, month: 6, day: 16 }, today)).toBeLessThan(0);
    expect(isAdultOn({ year: 2025, month: 6, day: 16 }, today)).toBe(false);
    expect(isAdultOn({ year: 2040, month: 1, day: 1 }, today)).toBe(false);
    expect(ageOn(today, today)).toBe(0);
  });
});
