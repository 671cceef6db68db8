import { getDb, type Db, type Tx } from '@/db/client';
import { type Clock, databaseClock } from '@/lib/clock';
import { env } from '@/lib/env';

/**
 * What every simulator function works on: the simulators' database connection and
 * the world's clock (shared with the product on purpose, docs/decisions/0003).
 * Functions take it as a parameter so that tests can pass a stopped clock.
 */
export interface World {
  db: Db;
  clock: Clock;
}

/** The running app's world: its database and the one clock of that database. */
export async function getWorld(): Promise<World & { clock: ReturnType<typeof databaseClock> }> {
  const db = await getDb();
  return { db, clock: databaseClock(db) };
}

/** SPEC §11: on by default in development, demo and tests; off in production unless enabled. */
export function simulatorsEnabled(): boolean {
  return env().SIMULATORS_ENABLED;
}

/** A connection or an open transaction: effects that must commit together take this. */
export type Executor = Db | Tx;
