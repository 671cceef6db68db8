export { getBusinessCalendar } from './get-business-calendar';
export { getCalendarGap } from './get-calendar-gap';
export { getCalendarOverview } from './get-calendar-overview';
export { removeCalendarYear } from './remove-calendar-year';
export { saveCalendarYear } from './save-calendar-year';
