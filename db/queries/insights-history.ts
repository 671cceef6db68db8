import { like } from 'drizzle-orm';
import type { Db } from '../client';
import {
  accounts,
  accountProcesses,
  changeRequests,
  enterpriseVerifications,
  outboxMessages,
  payoutVerifications,
  personalVerifications,
  rechargeVerifications,
  reviewCases,
  subjects,
  uploads,
} from '../schema';

/** Rows of past activity, table by table (scripts/seed-insights-history.ts makes them). */
export interface HistoryRows {
  accounts: (typeof accounts.$inferInsert)[];
  uploads: (typeof uploads.$inferInsert)[];
  subjects: (typeof subjects.$inferInsert)[];
  personal: (typeof personalVerifications.$inferInsert)[];
  enterprise: (typeof enterpriseVerifications.$inferInsert)[];
  processes: (typeof accountProcesses.$inferInsert)[];
  recharges: (typeof rechargeVerifications.$inferInsert)[];
  payouts: (typeof payoutVerifications.$inferInsert)[];
  reviewCases: (typeof reviewCases.$inferInsert)[];
  changes: (typeof changeRequests.$inferInsert)[];
  outbox: (typeof outboxMessages.$inferInsert)[];
}

const BATCH = 500;

/** Inserts the rows in dependency order, in batches, in one transaction: all of the history or none. */
export async function insertHistoryRows(db: Db, rows: HistoryRows): Promise<void> {
  await db.transaction(async (tx) => {
    const put = async <T extends Record<string, unknown>>(table: Parameters<Db['insert']>[0], values: T[]) => {
      for (let i = 0; i < values.length; i += BATCH) await tx.insert(table).values(values.slice(i, i + BATCH) as never);
    };
    await put(accounts, rows.accounts);
    await put(uploads, rows.uploads);
    await put(subjects, rows.subjects);
    await put(personalVerifications, rows.personal);
    await put(enterpriseVerifications, rows.enterprise);
    await put(accountProcesses, rows.processes);
    await put(rechargeVerifications, rows.recharges);
    await put(payoutVerifications, rows.payouts);
    await put(reviewCases, rows.reviewCases);
    await put(changeRequests, rows.changes);
    await put(outboxMessages, rows.outbox);
  });
}

/** Whether history accounts (e-mails under `domain`) exist already. */
export async function historyExists(db: Db, emailDomain: string): Promise<boolean> {
  const found = await db.select({ id: accounts.id }).from(accounts).where(like(accounts.email, `%@${emailDomain}`)).limit(1);
  return found.length > 0;
}
