import { and, asc, eq } from 'drizzle-orm';
import { chinaCalendarDate, validateDocument } from '@/lib/domain/identity';
import { invalidField } from './errors';
import { newId } from './ids';
import { type PhoneChannel, phoneUsers } from './schema';
import type { PhoneUserInput } from './schemas/control';
import type { Executor, World } from './world';
import { identityText } from '@/lib/messages/zh-CN/identity';

export type PhoneUser = typeof phoneUsers.$inferSelect;

/**
 * A simulated WeChat or QQ user with a real-name record (SPEC §11). The number is
 * checked like a real wallet would (SPEC §10), and a resident ID's birth date must be
 * the one it encodes.
 */
export async function createPhoneUser(world: World, channel: PhoneChannel, input: PhoneUserInput): Promise<string> {
  const now = await world.clock.now();
  const doc = validateDocument(input.idType, input.idNumber, chinaCalendarDate(now));
  if (!doc.ok) throw invalidField('idNumber', identityText(doc.message));
  if (doc.type === 'resident_id') {
    const b = doc.birthDate;
    const encoded = `${b.year}-${String(b.month).padStart(2, '0')}-${String(b.day).padStart(2, '0')}`;
    if (encoded !== input.birthDate) throw invalidField('birthDate', `出生日期与身份证号码不一致（号码中为 ${encoded}）`);
  }
  const id = newId(channel === 'wechat' ? 'wxu' : 'qqu');
  await world.db.insert(phoneUsers).values({ id, channel, ...input, idNumber: doc.value, createdAt: now });
  return id;
}

export async function listPhoneUsers(db: Executor, channel?: PhoneChannel): Promise<PhoneUser[]> {
  return db
    .select()
    .from(phoneUsers)
    .where(channel ? eq(phoneUsers.channel, channel) : undefined)
    .orderBy(asc(phoneUsers.createdAt), asc(phoneUsers.id));
}

export async function findPhoneUser(db: Executor, channel: PhoneChannel, id: string): Promise<PhoneUser | undefined> {
  const [row] = await db
    .select()
    .from(phoneUsers)
    .where(and(eq(phoneUsers.id, id), eq(phoneUsers.channel, channel)));
  return row;
}
