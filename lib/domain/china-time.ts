const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

/** An instant's Beijing wall-clock reading to the minute, each part zero-padded. */
export interface BeijingMinute {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
}

/**
 * An instant as Beijing time to the minute — the same reading on the page, in
 * notifications and in tests whatever the server's time zone (China has no daylight
 * saving). The catalogue's `time.beijingMinute` words it (`2026年10月14日 10:00`).
 */
export function beijingMinuteParts(instant: Date): BeijingMinute {
  const t = new Date(instant.getTime() + BEIJING_OFFSET_MS);
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    year: String(t.getUTCFullYear()),
    month: pad(t.getUTCMonth() + 1),
    day: pad(t.getUTCDate()),
    hour: pad(t.getUTCHours()),
    minute: pad(t.getUTCMinutes()),
  };
}
