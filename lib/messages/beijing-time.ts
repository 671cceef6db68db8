import { beijingMinuteParts } from '@/lib/domain/china-time';
import { formatEntry } from './format';
import { timeMessages } from './zh-CN/time';

/**
 * An instant as Beijing time to the minute, `2026年10月14日 10:00`. Imports only its own
 * section, so a page or a notification's parameter can word a time without the catalogue.
 */
export function beijingMinute(instant: Date): string {
  return formatEntry(timeMessages['time.beijingMinute'], { ...beijingMinuteParts(instant) });
}
