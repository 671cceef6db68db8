import { businessDaysBetween, type BusinessCalendar } from '../business-days';

export interface ReviewSla {
  /** Whole business days the current round has waited. */
  ageBusinessDays: number;
  overdue: boolean;
  /** Overdue: whole business days past due; otherwise whole business days left (0 = due within the day). */
  businessDaysPastDue: number;
  businessDaysLeft: number;
}

/** SPEC §13 visible SLA clocks: how long a case has waited and how it stands against its due time. */
export function reviewSla(cal: BusinessCalendar, openedAt: Date, dueAt: Date, now: Date): ReviewSla {
  const overdue = now.getTime() >= dueAt.getTime();
  return {
    ageBusinessDays: businessDaysBetween(cal, openedAt, now),
    overdue,
    businessDaysPastDue: overdue ? businessDaysBetween(cal, dueAt, now) : 0,
    businessDaysLeft: overdue ? 0 : businessDaysBetween(cal, now, dueAt),
  };
}
