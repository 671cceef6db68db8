import type { ReviewSla } from '@/lib/domain/review/sla';

/** `2026-10-14 10:00` in Beijing (the product's time zone). */
export { formatDateTimeNumeric as formatDateTime } from '@/lib/format/date-time';

export function businessDays(n: number): string {
  return n === 0 ? '不足 1 个工作日' : `${n} 个工作日`;
}

/** How a waiting case stands against its due time (SPEC §13). */
export function slaText(sla: ReviewSla): string {
  if (sla.overdue) return sla.businessDaysPastDue === 0 ? '已逾期' : `已逾期 ${sla.businessDaysPastDue} 个工作日`;
  return sla.businessDaysLeft === 0 ? '剩余不足 1 个工作日' : `剩余 ${sla.businessDaysLeft} 个工作日`;
}
