import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './accounts';

/**
 * A file an account uploaded (licence, ID photos, proofs), already checked by content
 * and re-encoded without metadata (SECURITY 14–16). The bytes live in the private file
 * store (lib/storage) under `storage_key`, a generated name; the user's file name is
 * never kept. Served only to the owning account and to staff.
 */
export const uploads = pgTable(
  'uploads',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    /** business_licence / legal_rep_id_front / legal_rep_id_back / change_proof … */
    purpose: text('purpose').notNull(),
    /** Which store holds it (`local` or `uploadthing`) and its generated key there. */
    store: text('store').notNull(),
    storageKey: text('storage_key').notNull().unique(),
    /** image/jpeg, image/png or application/pdf: what the bytes are, not what the browser said. */
    contentType: text('content_type').notNull(),
    byteSize: integer('byte_size').notNull(),
    sha256: text('sha256').notNull(),
    width: integer('width'),
    height: integer('height'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /** Set when retention purges the stored object (the row stays for the audit trail). */
    purgedAt: timestamp('purged_at', { withTimezone: true }),
  },
  (t) => [index('uploads_account_idx').on(t.accountId, t.createdAt)],
);

export type UploadRow = typeof uploads.$inferSelect;
