import { and, asc, gte, lte } from 'drizzle-orm';
import type { Db } from '../client';
import { calendarDays } from '../schema';

/** Every day staff entered (a few dozen per year), in date order. */
export async function listCalendarDays(db: Db) {
  return db.select().from(calendarDays).orderBy(asc(calendarDays.day));
}

const inYear = (year: number) => and(gte(calendarDays.day, `${year}-01-01`), lte(calendarDays.day, `${year}-12-31`));

/** Replaces the schedule of `year` by `days` (call inside the transaction that audits it). */
export async function replaceCalendarYear(
  tx: Db,
  year: number,
  days: readonly { day: string; kind: 'holiday' | 'workday'; name: string }[],
  by: { enteredBy: string; enteredAt: Date },
): Promise<void> {
  await tx.delete(calendarDays).where(inYear(year));
  if (days.length > 0) await tx.insert(calendarDays).values(days.map((d) => ({ ...d, ...by })));
}

/** Removes the schedule of `year`; answers how many days it had. */
export async function deleteCalendarYear(tx: Db, year: number): Promise<number> {
  const removed = await tx.delete(calendarDays).where(inYear(year)).returning({ day: calendarDays.day });
  return removed.length;
}
