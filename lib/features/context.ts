import type { Db } from '@/db/client';
import type { Clock } from '@/lib/clock';

/** What every use case needs: the database and the one clock. Tests pass their own. */
export interface ServiceContext {
  db: Db;
  clock: Clock;
}
