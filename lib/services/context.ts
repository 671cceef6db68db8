import { getDb, type Db } from '@/db/client';
import { databaseClock, type Clock } from '@/lib/clock';

/** What every use case needs: the database and the one clock. Tests pass their own. */
export interface ServiceContext {
  db: Db;
  clock: Clock;
}

const holder = globalThis as unknown as { __serviceContext?: Promise<ServiceContext & { clock: ReturnType<typeof databaseClock> }> };

export function getServiceContext() {
  holder.__serviceContext ??= getDb().then((db) => ({ db, clock: databaseClock(db) }));
  return holder.__serviceContext;
}
