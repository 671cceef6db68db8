import { connection } from 'next/server';
import { notFound } from 'next/navigation';
import { getWorld, simulatorsEnabled } from '@/lib/simulators/world';
import { formatDateTimeFull } from '@/lib/format/date-time';

/** Every /sim page: rendered per request, and a plain 404 unless simulators are enabled. */
export async function simPage() {
  await connection();
  if (!simulatorsEnabled()) notFound();
  return getWorld();
}

/** A time as people in Beijing read it. */
export function beijingTime(at: Date | string): string {
  return formatDateTimeFull(new Date(at));
}
