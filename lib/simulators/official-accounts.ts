import { asc, eq } from 'drizzle-orm';
import { invalidField } from './errors';
import { newId } from './ids';
import { findPhoneUser } from './people';
import { oaAccounts } from './schema';
import type { OaAccountInput } from './schemas/control';
import type { Executor, World } from './world';

export type OaAccount = typeof oaAccounts.$inferSelect;

/** A WeChat Official Account (公众号); its administrator is a simulated WeChat user. */
export async function createOaAccount(world: World, input: OaAccountInput): Promise<string> {
  if (!(await findPhoneUser(world.db, 'wechat', input.adminWechatUserId))) {
    throw invalidField('adminWechatUserId', '没有这个模拟微信用户');
  }
  const id = newId('oa');
  await world.db.insert(oaAccounts).values({ id, ...input, createdAt: await world.clock.now() });
  return id;
}

export async function listOaAccounts(db: Executor): Promise<OaAccount[]> {
  return db.select().from(oaAccounts).orderBy(asc(oaAccounts.createdAt), asc(oaAccounts.id));
}

export async function findOaAccount(db: Executor, id: string): Promise<OaAccount | undefined> {
  const [row] = await db.select().from(oaAccounts).where(eq(oaAccounts.id, id));
  return row;
}
