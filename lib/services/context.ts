import { getDb, type Db } from '@/db/client';
import { databaseClock, type Clock } from '@/lib/clock';

/** What every use case needs: the database and the one clock. Tests pass their own. */
export interface ServiceContext {
  db: Db;
  clock: Clock;
}

export async function getServiceContext() {
  const db = await getDb();
  return { db, clock: databaseClock(db) };
}
