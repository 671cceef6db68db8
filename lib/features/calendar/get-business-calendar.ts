import type { Db } from '@/db/client';
import { listCalendarDays } from '@/db/queries/calendar';
import { packageCalendar } from '@/lib/calendar/package-calendar';
import { makeBusinessCalendar, type BusinessCalendar } from '@/lib/domain/business-days';

/**
 * The one business-day calendar (ARCHITECTURE rule 5): chinese-days plus the years staff
 * entered at /review/calendar. Read per use: the staff table is small and any app
 * instance may have changed it. Works inside a transaction (pass `tx`).
 */
export async function getBusinessCalendar(db: Db): Promise<BusinessCalendar> {
  const staffDays = await listCalendarDays(db);
  return makeBusinessCalendar(packageCalendar, staffDays);
}
