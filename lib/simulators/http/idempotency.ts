import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { SimError } from '../errors';
import { idempotencyRecords } from '../schema';
import type { Channel } from '../secrets';
import type { Executor, World } from '../world';

/** What a provider answers. */
export interface Answer {
  status: number;
  body: unknown;
}

/** An answer as sent: stored under the Idempotency-Key and replayed byte for byte. */
export interface SentAnswer {
  status: number;
  text: string;
}

export function requestHash(rawBody: string): string {
  return createHash('sha256').update(rawBody).digest('hex');
}

class LostRace extends Error {}

async function stored(world: World, channel: Channel, key: string, hash: string): Promise<SentAnswer | null> {
  const [row] = await world.db
    .select()
    .from(idempotencyRecords)
    .where(and(eq(idempotencyRecords.channel, channel), eq(idempotencyRecords.key, key)));
  if (!row) return null;
  // Stripe's rule: one key, one request. Another body under the same key is a client bug.
  if (row.requestHash !== hash) throw new SimError(422, 'idempotency_key_reused', 'Idempotency-Key 已用于另一个请求', 'Idempotency-Key');
  return { status: row.status, text: row.body };
}

/**
 * Runs `effect` at most once per (channel, key) (SECURITY 30): the effect and the
 * stored answer commit in one transaction; a repeated key gets the first answer and
 * no second effect. Two concurrent requests with one key: the second one's insert
 * waits for the first to commit, finds the key taken, rolls its own effect back and
 * answers the first one's answer. Errors are not stored: a retry may succeed.
 */
export async function withIdempotency(
  world: World,
  scope: { channel: Channel; key: string; rawBody: string },
  effect: (tx: Executor, now: Date) => Promise<Answer>,
): Promise<SentAnswer> {
  const hash = requestHash(scope.rawBody);
  const previous = await stored(world, scope.channel, scope.key, hash);
  if (previous) return previous;
  const now = await world.clock.now();
  try {
    return await world.db.transaction(async (tx) => {
      const answer = await effect(tx, now);
      const sent = { status: answer.status, text: JSON.stringify(answer.body) };
      const inserted = await tx
        .insert(idempotencyRecords)
        .values({ channel: scope.channel, key: scope.key, requestHash: hash, status: sent.status, body: sent.text, createdAt: now })
        .onConflictDoNothing()
        .returning({ key: idempotencyRecords.key });
      if (inserted.length === 0) throw new LostRace();
      return sent;
    });
  } catch (error) {
    if (!(error instanceof LostRace)) throw error;
    const winner = await stored(world, scope.channel, scope.key, hash);
    if (!winner) throw error;
    return winner;
  }
}
