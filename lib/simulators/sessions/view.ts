import { desc, eq } from 'drizzle-orm';
import { maskedIdentity } from '../display';
import { channelSessions } from '../schema';
import type { Executor } from '../world';

export type SessionRow = typeof channelSessions.$inferSelect;

export async function findSession(db: Executor, id: string): Promise<SessionRow | undefined> {
  const [row] = await db.select().from(channelSessions).where(eq(channelSessions.id, id));
  return row;
}

/** SPEC §11.1 `GET /api/sim/sessions/{id}`: the expected identity masked, never in clear. */
export function sessionView(s: SessionRow) {
  return {
    id: s.id,
    channel: s.channel,
    reference: s.reference,
    expected: maskedIdentity({ name: s.expectedName, idType: s.expectedIdType, idNumber: s.expectedIdNumber }),
    state: s.state,
    result: s.result,
    chosenUserId: s.chosenUserId,
    chosenOaAccountId: s.chosenOaAccountId,
    createdAt: s.createdAt.toISOString(),
    expiresAt: s.expiresAt.toISOString(),
    completedAt: s.completedAt?.toISOString() ?? null,
  };
}

export async function listRecentSessions(db: Executor, limit = 50) {
  return db.select().from(channelSessions).orderBy(desc(channelSessions.createdAt)).limit(limit);
}
