import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../client';
import { uploads } from '../schema';

type Insert = typeof uploads.$inferInsert;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function insertUpload(db: Db, values: Insert) {
  const [row] = await db.insert(uploads).values(values).returning();
  return row!;
}

/** Any account's upload (owner and staff checks are the caller's); malformed ids and purged files read as not found. */
export async function findUpload(db: Db, uploadId: string) {
  if (!UUID.test(uploadId)) return undefined;
  const [row] = await db
    .select()
    .from(uploads)
    .where(and(eq(uploads.id, uploadId), isNull(uploads.purgedAt)));
  return row;
}

/**
 * The upload `uploadId` if `accountId` uploaded it and it is still stored; otherwise
 * undefined — for use cases checking that an id posted in a form is the account's own (IDOR).
 */
export async function findUploadOfAccount(db: Db, uploadId: string, accountId: string) {
  if (!UUID.test(uploadId)) return undefined;
  const [row] = await db
    .select()
    .from(uploads)
    .where(and(eq(uploads.id, uploadId), eq(uploads.accountId, accountId), isNull(uploads.purgedAt)));
  return row;
}
