import { calendarGap, type CalendarGap } from '@/lib/domain/business-days';
import type { ServiceContext } from '../context';
import { getBusinessCalendar } from './get-business-calendar';

/** SPEC §1: the back office warns while the coming 60 days are not covered; this is that warning's data. */
export async function getCalendarGap(ctx: ServiceContext): Promise<CalendarGap | null> {
  const now = await ctx.clock.now();
  return calendarGap(await getBusinessCalendar(ctx.db), now);
}
