import { desc, eq } from 'drizzle-orm';
import { newId } from './ids';
import { inboxMessages, type MessageKind } from './schema';
import type { Executor } from './world';

/** The notify provider: email, SMS and WeChat messages land here instead of reaching anyone (SPEC §8). */
export async function storeMessage(
  tx: Executor,
  now: Date,
  input: { reference: string; kind: MessageKind; to: string; subject?: string; body: string },
): Promise<string> {
  const id = newId('ntf');
  await tx.insert(inboxMessages).values({ id, ...input, subject: input.subject ?? null, createdAt: now });
  return id;
}

export async function listMessages(db: Executor, to?: string, limit = 200) {
  const rows = await db
    .select()
    .from(inboxMessages)
    .where(to ? eq(inboxMessages.to, to) : undefined)
    .orderBy(desc(inboxMessages.createdAt), desc(inboxMessages.id))
    .limit(limit);
  return rows.map((m) => ({
    id: m.id,
    kind: m.kind,
    to: m.to,
    subject: m.subject,
    body: m.body,
    reference: m.reference,
    sentAt: m.createdAt.toISOString(),
  }));
}
