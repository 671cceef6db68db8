import { asc, eq } from 'drizzle-orm';
import { conflict } from '../errors';
import { bankAccounts, bankSettings } from '../schema';
import type { BankAccountInput } from '../schemas/control';
import type { Executor, World } from '../world';

export type BankAccount = typeof bankAccounts.$inferSelect;

/** A corporate account at the simulated bank; its number is its id. */
export async function createBankAccount(world: World, input: BankAccountInput): Promise<string> {
  const inserted = await world.db
    .insert(bankAccounts)
    .values({ ...input, createdAt: await world.clock.now() })
    .onConflictDoNothing()
    .returning({ number: bankAccounts.number });
  if (inserted.length === 0) throw conflict('account_exists', '该银行账号已存在', 'number');
  return input.number;
}

export async function findBankAccount(db: Executor, number: string): Promise<BankAccount | undefined> {
  const [row] = await db.select().from(bankAccounts).where(eq(bankAccounts.number, number));
  return row;
}

export async function listBankAccounts(db: Executor): Promise<BankAccount[]> {
  return db.select().from(bankAccounts).orderBy(asc(bankAccounts.createdAt), asc(bankAccounts.number));
}

export const DEFAULT_PAYOUT_DELAY_BUSINESS_DAYS = 1;

export async function readBankSettings(db: Executor): Promise<{ payoutDelayBusinessDays: number }> {
  const [row] = await db.select().from(bankSettings).where(eq(bankSettings.id, 1));
  return { payoutDelayBusinessDays: row?.payoutDelayBusinessDays ?? DEFAULT_PAYOUT_DELAY_BUSINESS_DAYS };
}

export async function writeBankSettings(db: Executor, settings: { payoutDelayBusinessDays: number }) {
  await db
    .insert(bankSettings)
    .values({ id: 1, ...settings })
    .onConflictDoUpdate({ target: bankSettings.id, set: settings });
  return settings;
}
