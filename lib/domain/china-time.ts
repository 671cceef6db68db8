const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * An instant as Beijing time to the minute, `2026年10月14日 10:00` — the same text on
 * the page, in notifications and in tests whatever the server's time zone (China has
 * no daylight saving).
 */
export function beijingMinute(instant: Date): string {
  const t = new Date(instant.getTime() + BEIJING_OFFSET_MS);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${t.getUTCFullYear()}年${pad(t.getUTCMonth() + 1)}月${pad(t.getUTCDate())}日 ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`;
}
