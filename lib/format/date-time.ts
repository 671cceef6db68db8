/**
 * The product's date and time formats: zh-CN, always in China time (Asia/Shanghai, no
 * daylight saving) whatever the server's zone. One formatter per shape, built once; the
 * examples are 2026-10-14T02:05:09Z. Pure (Intl only): the domain may use it too.
 */
const ZONE = 'Asia/Shanghai';

const medium = new Intl.DateTimeFormat('zh-CN', { dateStyle: 'medium', timeStyle: 'short', timeZone: ZONE });
const long = new Intl.DateTimeFormat('zh-CN', { dateStyle: 'long', timeStyle: 'short', timeZone: ZONE });
const shortSeconds = new Intl.DateTimeFormat('zh-CN', { dateStyle: 'short', timeStyle: 'medium', timeZone: ZONE });
const monthDay = new Intl.DateTimeFormat('zh-CN', { month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: ZONE });
const numeric = new Intl.DateTimeFormat('zh-CN', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false, timeZone: ZONE });
const full = new Intl.DateTimeFormat('zh-CN', { year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', hour12: false, timeZone: ZONE });

/** `2026年10月14日 10:05` — pages' times (a wizard's 有效期, the payout timeline, 站内信). */
export function formatDateTime(at: Date): string {
  return medium.format(at);
}

/** `2026年10月14日 10:05` in the long style — completed verifications and changes, notices to the user. */
export function formatDateTimeLong(at: Date): string {
  return long.format(at);
}

/** `2026/10/14 10:05:09` — lists where the second matters (webhook deliveries). */
export function formatDateTimeShort(at: Date): string {
  return shortSeconds.format(at);
}

/** `10月14日 10:05` — a moment within the coming days (when an eligibility check may be retried). */
export function formatMonthDayTime(at: Date): string {
  return monthDay.format(at);
}

/** `2026-10-14 10:05` — the back office's tables. */
export function formatDateTimeNumeric(at: Date): string {
  const parts = Object.fromEntries(numeric.formatToParts(at).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** `2026/10/14 10:05:09` — what `toLocaleString('zh-CN')` gives, with China time: the simulator console, 两步验证 since. */
export function formatDateTimeFull(at: Date): string {
  return full.format(at);
}
