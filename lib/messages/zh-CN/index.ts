/**
 * The one zh-CN catalogue (issue 17, "words at the edge"): lib/domain and lib/features
 * return codes with parameters; pages, actions, notifications and errors turn them into
 * the Chinese a user sees here. One section per area; a client component imports only the
 * section it needs (never this index), so a page does not load every sentence.
 */
import { calendarMessages } from './calendar';
import { errorMessages } from './errors';

export const zhCN = {
  ...errorMessages,
  ...calendarMessages,
} as const;

export type MessageCode = keyof typeof zhCN;
