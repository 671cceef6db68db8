import type { MessageEntry } from '../format';

/** Times as users read them (lib/domain/china-time.ts gives the parts). */
export const timeMessages = {
  'time.beijingMinute': '{year}年{month}月{day}日 {hour}:{minute}',
} as const satisfies Record<string, MessageEntry>;
