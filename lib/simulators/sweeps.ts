import { settleDuePayments } from './bank/settle';
import { expireDueSessions } from './sessions/expire';
import type { World } from './world';

/**
 * Applies every deadline of the simulated world that has passed by the world's clock:
 * run on each worker tick and before reads, so a deadline that passed while the server
 * was down (or the clock jumped) takes effect at once (SPEC §8).
 */
export async function sweepWorld(world: World): Promise<{ expiredSessions: number; settledPayments: number }> {
  const now = await world.clock.now();
  const expiredSessions = await expireDueSessions(world.db, now);
  const settledPayments = await settleDuePayments(world.db, now);
  return { expiredSessions, settledPayments };
}
