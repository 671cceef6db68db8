import type { Db } from '@/db/client';
import { addClockOffset, readClockOffset, writeClockOffset } from '@/db/queries/clock';

/** The one clock. Every deadline, expiry and age check reads time from here. */
export interface Clock {
  now(): Promise<Date>;
  /**
   * now() with nothing cached: a clock that caches what it reads (databaseClock's offset)
   * reads it again. For a caller about to refuse something only because of the time.
   */
  freshNow?(): Promise<Date>;
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

export type DatabaseClock = ReturnType<typeof createDatabaseClock>;

// One clock per database and process: the product and the simulators share its cached
// offset, so a jump made by either is seen by both at once. Kept on globalThis like the
// database handle: Next.js may load this module once per bundle layer (route handlers,
// pages), and two copies would each cache the offset for a second after a jump.
const holder = globalThis as unknown as { __databaseClocks?: WeakMap<Db, DatabaseClock> };
const clocks = (holder.__databaseClocks ??= new WeakMap<Db, DatabaseClock>());

/**
 * Real time plus an offset kept in the database, so that the simulators can move
 * the world's time forward ("jump 3 days") on every app instance at once. Other
 * instances see a change within a second.
 */
export function databaseClock(db: Db, realNow?: () => number): DatabaseClock {
  // A custom source of real time (tests) gets a clock of its own.
  if (realNow) return createDatabaseClock(db, realNow);
  let clock = clocks.get(db);
  if (!clock) clocks.set(db, (clock = createDatabaseClock(db)));
  return clock;
}

function createDatabaseClock(db: Db, realNow: () => number = () => Date.now()) {
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
    async freshNow() {
      cache = { offsetMs: await readClockOffset(db), readAt: realNow() };
      return new Date(cache.readAt + cache.offsetMs);
    },
    async offsetMs() {
      return offset();
    },
    /** Moves the world's time by `ms` (never back before real time). */
    async advance(ms: number) {
      const next = await addClockOffset(db, ms);
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
