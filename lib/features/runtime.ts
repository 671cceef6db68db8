import { getDb } from '@/db/client';
import { databaseClock } from '@/lib/clock';
import type { ServiceContext } from './context';
import './wiring';

/**
 * The composition root's door: every entry point (server actions, route handlers, pages,
 * jobs, scripts) gets its context here, and importing this module plugs the feature
 * modules into each other's registries (wiring.ts) in that entry's module graph.
 */
export async function getServiceContext(): Promise<ServiceContext> {
  const db = await getDb();
  return { db, clock: databaseClock(db) };
}
