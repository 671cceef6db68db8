import { z } from 'zod';

const uuid = z.guid();

/** The one UUID check (zod's): ids from URLs and forms are checked before they reach a query. */
export function isUuid(value: string): boolean {
  return uuid.safeParse(value).success;
}
