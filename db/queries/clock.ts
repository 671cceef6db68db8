import { eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { clockSettings } from '../schema';

export async function readClockOffset(db: Db): Promise<number> {
  const [row] = await db.select({ offsetMs: clockSettings.offsetMs }).from(clockSettings).where(eq(clockSettings.id, 1));
  return row?.offsetMs ?? 0;
}

export async function writeClockOffset(db: Db, offsetMs: number): Promise<void> {
  await db
    .insert(clockSettings)
    .values({ id: 1, offsetMs })
    .onConflictDoUpdate({ target: clockSettings.id, set: { offsetMs } });
}

/** Adds `ms` to the offset in one statement, so that simultaneous jumps add up; never below 0. */
export async function addClockOffset(db: Db, ms: number): Promise<number> {
  const [row] = await db
    .update(clockSettings)
    .set({ offsetMs: sql`greatest(0, ${clockSettings.offsetMs} + ${ms})` })
    .where(eq(clockSettings.id, 1))
    .returning({ offsetMs: clockSettings.offsetMs });
  return row?.offsetMs ?? 0;
}
