import type { Db } from '@/db/client';
import { readClockOffset, writeClockOffset } from '@/db/queries/clock';

/** The one clock. Every deadline, expiry and age check reads time from here. */
export interface Clock {
  now(): Promise<Date>;
}

/** A clock stopped at `at`, moved only by `advance` (tests). */
export function fixedClock(at: Date | string) {
  let current = new Date(at);
  return {
    now: async () => new Date(current),
    advance(ms: number) {
      current = new Date(current.getTime() + ms);
    },
    set(to: Date | string) {
      current = new Date(to);
    },
  };
}

const OFFSET_CACHE_MS = 1000;

/**
 * Real time plus an offset kept in the database, so that the simulators can move
 * the product's time forward ("jump 3 days") on every app instance at once. The
 * offset is cached for a second; a change made through this instance is seen at once.
 */
export function databaseClock(db: Db, realNow: () => number = () => Date.now()) {
  let cache: { offsetMs: number; readAt: number } | undefined;
  async function offset(): Promise<number> {
    const t = realNow();
    if (!cache || t - cache.readAt > OFFSET_CACHE_MS) cache = { offsetMs: await readClockOffset(db), readAt: t };
    return cache.offsetMs;
  }
  return {
    async now() {
      return new Date(realNow() + (await offset()));
    },
    async offsetMs() {
      return offset();
    },
    /** Moves the product time by `ms` (never backwards past real time). */
    async advance(ms: number) {
      const next = Math.max(0, (await readClockOffset(db)) + ms);
      await writeClockOffset(db, next);
      cache = { offsetMs: next, readAt: realNow() };
      return new Date(realNow() + next);
    },
    async set(to: Date) {
      const next = Math.max(0, to.getTime() - realNow());
      await writeClockOffset(db, next);
      cache = { offsetMs: next, readAt: realNow() };
      return new Date(realNow() + next);
    },
  };
}
