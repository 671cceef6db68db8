import { type CalendarDate, compareCalendarDates, isLeapYear } from './calendar-date';

/** R-LIM-4: a person must be at least 18 on the day of verification. */
export const ADULT_AGE = 18;

/**
 * The day a person born on `birth` has their birthday in `year`. A 29 February
 * birthday falls on 1 March in common years: the person has not completed the year
 * until 28 February is over. This is the cautious reading for R-LIM-4 — it never
 * declares someone adult a day early.
 */
export function birthdayIn(year: number, birth: CalendarDate): CalendarDate {
  if (birth.month === 2 && birth.day === 29 && !isLeapYear(year)) return { year, month: 3, day: 1 };
  return { year, month: birth.month, day: birth.day };
}

/**
 * Completed years (周岁) on `today`; the birthday itself counts. A birth date after
 * `today` gives a negative number, so such a person is never an adult.
 */
export function ageOn(birth: CalendarDate, today: CalendarDate): number {
  const years = today.year - birth.year;
  const hadBirthdayThisYear = compareCalendarDates(birthdayIn(today.year, birth), today) <= 0;
  return hadBirthdayThisYear ? years : years - 1;
}

/** R-LIM-4. */
export function isAdultOn(birth: CalendarDate, today: CalendarDate): boolean {
  return ageOn(birth, today) >= ADULT_AGE;
}
