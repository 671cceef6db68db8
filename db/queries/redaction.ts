import { and, count, eq, inArray, isNotNull, isNull, ne, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import {
  accountProcesses,
  accounts,
  accountTokens,
  balanceEntries,
  changeRequests,
  channelEvents,
  channelRequests,
  channelSessions,
  enterpriseVerifications,
  incomingTransfers,
  outboxMessages,
  payoutVerifications,
  personalVerifications,
  rechargeVerifications,
  reviewCaseItems,
  reviewCases,
  siteMessages,
  subjects,
  uploads,
  userSessions,
  webhookDeliveries,
  webhookEndpoints,
  type UploadRow,
} from '../schema';

/**
 * Data access of 删除个人信息 (lib/features/privacy/redact-account-personal-data.ts, ADR 0016):
 * every UPDATE and DELETE that removes an account's personal data lives here. Rows that
 * are history (verifications, subjects, payouts, change requests) stay with their
 * personal fields overwritten; rows that only serve the account (messages, sessions of
 * delivery, review items, its webhook endpoint) go.
 */

/** What replaces a person's name (NOT NULL columns keep a value, never the name). */
export const REDACTED_NAME = '已删除';
/** What replaces a NOT NULL ciphertext: nothing to decrypt any more. */
export const REDACTED_CIPHERTEXT = '';

/** The marker where there was a name, null where there was none. */
function nameMarker(column: AnyColumn): SQL {
  return sql`case when ${column} is null then null else ${REDACTED_NAME} end`;
}

/** A blind index replaced by a value unique to its row that no identity can hash to (it frees the slot, R-LIM-1). */
function redactedKey(idColumn: AnyColumn): SQL {
  return sql`'redacted:' || ${idColumn}::text`;
}

export async function findAccountByNumber(db: Db, accountNumber: string) {
  const [row] = await db.select().from(accounts).where(eq(accounts.accountNumber, accountNumber));
  return row;
}

/** The account row, locked FOR UPDATE: two redactions of one account run one after the other. */
export async function lockAccountForRedaction(tx: Db, accountId: string) {
  const [row] = await tx.select().from(accounts).where(eq(accounts.id, accountId)).for('update');
  return row;
}

/** Running money on its way back through the bank (a refund or a withdrawal not settled or failed yet): it needs the bank account number. */
export async function countBankReturnsInFlight(db: Db, accountId: string): Promise<number> {
  const [refunds] = await db
    .select({ n: count() })
    .from(incomingTransfers)
    .where(and(eq(incomingTransfers.accountId, accountId), inArray(incomingTransfers.refundState, ['pending', 'requested'])));
  const [withdrawals] = await db
    .select({ n: count() })
    .from(balanceEntries)
    .where(and(eq(balanceEntries.accountId, accountId), eq(balanceEntries.kind, 'withdrawal'), inArray(balanceEntries.state, ['pending', 'requested'])));
  return (refunds?.n ?? 0) + (withdrawals?.n ?? 0);
}

/** The running payout or recharge of an enterprise verification, to name what runs. */
export async function findRunningBankMethod(db: Db, enterpriseVerificationId: string): Promise<'payout' | 'recharge' | null> {
  const [payout] = await db
    .select({ id: payoutVerifications.id })
    .from(payoutVerifications)
    .where(and(eq(payoutVerifications.enterpriseVerificationId, enterpriseVerificationId), sql`${payoutVerifications.state} not in ('succeeded', 'failed', 'cancelled')`));
  if (payout) return 'payout';
  const [recharge] = await db
    .select({ id: rechargeVerifications.id })
    .from(rechargeVerifications)
    .where(and(eq(rechargeVerifications.enterpriseVerificationId, enterpriseVerificationId), eq(rechargeVerifications.state, 'awaiting_transfer')));
  return recharge ? 'recharge' : null;
}

/**
 * Takes the account's one process slot (R-LIM-9) for good: a verification or change
 * starting at this very moment fails on the primary key, and nothing starts afterwards.
 */
export async function claimProcessForClosure(tx: Db, accountId: string, processId: string, now: Date): Promise<boolean> {
  const rows = await tx
    .insert(accountProcesses)
    .values({ accountId, kind: 'account_closed', processId, startedAt: now })
    .onConflictDoNothing()
    .returning({ accountId: accountProcesses.accountId });
  return rows.length === 1;
}

// ---- What is held (the page's summary: counts and ciphertexts to mask, never clear) ----

export type NumberKind = 'id_number' | 'mobile' | 'bank_account';
export interface HeldNumber {
  kind: NumberKind;
  enc: string;
  /** The encryption context of its column (the service decrypts to mask). */
  context: string;
}

/** Every encrypted number of the account still held, with its context (ADR 0016 lists the columns). */
export async function listHeldNumbers(db: Db, accountId: string, contexts: Record<string, string>): Promise<HeldNumber[]> {
  const out: HeldNumber[] = [];
  const push = (kind: NumberKind, context: string, values: (string | null)[]) => {
    for (const enc of values) if (enc) out.push({ kind, enc, context });
  };
  const [account] = await db.select({ phone: accounts.contactPhoneEnc }).from(accounts).where(eq(accounts.id, accountId));
  push('mobile', contexts.accountPhone!, [account?.phone ?? null]);

  const subjectRows = await db.select().from(subjects).where(eq(subjects.accountId, accountId));
  push('id_number', contexts.subjectDocument!, subjectRows.filter((s) => s.kind === 'person').map((s) => s.documentNumberEnc));
  push('id_number', contexts.subjectContactId!, subjectRows.map((s) => s.contactIdNumberEnc));
  push('id_number', contexts.subjectLegalRepId!, subjectRows.map((s) => s.legalRepIdNumberEnc));
  push('mobile', contexts.subjectContactMobile!, subjectRows.map((s) => s.contactMobileEnc));

  const personal = await db.select({ enc: personalVerifications.documentNumberEnc }).from(personalVerifications).where(eq(personalVerifications.accountId, accountId));
  push('id_number', contexts.personalDocument!, personal.map((r) => r.enc));

  const enterprise = await db
    .select({ contactId: enterpriseVerifications.contactIdNumberEnc, mobile: enterpriseVerifications.contactMobileEnc, legalRepId: enterpriseVerifications.legalRepIdNumberEnc })
    .from(enterpriseVerifications)
    .where(eq(enterpriseVerifications.accountId, accountId));
  push('id_number', contexts.enterpriseContactId!, enterprise.map((r) => r.contactId));
  push('id_number', contexts.enterpriseLegalRepId!, enterprise.map((r) => r.legalRepId));
  push('mobile', contexts.enterpriseContactMobile!, enterprise.map((r) => r.mobile));

  const payouts = await db
    .select({ bank: payoutVerifications.bankAccountEnc, legalRepId: payoutVerifications.legalRepIdNumberEnc, operatorId: payoutVerifications.operatorIdNumberEnc })
    .from(payoutVerifications)
    .where(eq(payoutVerifications.accountId, accountId));
  push('bank_account', contexts.payoutBank!, payouts.map((r) => r.bank));
  push('id_number', contexts.payoutLegalRepId!, payouts.map((r) => r.legalRepId));
  push('id_number', contexts.payoutOperatorId!, payouts.map((r) => r.operatorId));

  const changes = await db.select({ legalRepId: changeRequests.legalRepIdNumberEnc }).from(changeRequests).where(eq(changeRequests.accountId, accountId));
  push('id_number', contexts.changeLegalRepId!, changes.map((r) => r.legalRepId));

  const transfers = await db.select({ enc: incomingTransfers.payerAccountEnc }).from(incomingTransfers).where(eq(incomingTransfers.accountId, accountId));
  push('bank_account', contexts.bankAccount!, transfers.map((r) => r.enc));
  const ledger = await db.select({ enc: balanceEntries.bankAccountEnc }).from(balanceEntries).where(eq(balanceEntries.accountId, accountId));
  push('bank_account', contexts.bankAccount!, ledger.map((r) => r.enc));
  return out;
}

/** How many names of persons the account's rows hold (the marker and null do not count). */
export async function countHeldNames(db: Db, accountId: string): Promise<number> {
  const held = (column: AnyColumn) => sql<number>`count(*) filter (where ${column} is not null and ${column} <> ${REDACTED_NAME})`;
  const one = async (q: Promise<{ n: number | string }[]>) => Number((await q)[0]?.n ?? 0);
  const [p, s1, s2, s3, e1, e2, o1, o2, c1] = await Promise.all([
    one(db.select({ n: held(personalVerifications.realName) }).from(personalVerifications).where(eq(personalVerifications.accountId, accountId))),
    one(db.select({ n: sql<number>`count(*) filter (where ${subjects.kind} = 'person' and ${subjects.name} <> ${REDACTED_NAME})` }).from(subjects).where(eq(subjects.accountId, accountId))),
    one(db.select({ n: held(subjects.contactName) }).from(subjects).where(eq(subjects.accountId, accountId))),
    one(db.select({ n: held(subjects.legalRepName) }).from(subjects).where(eq(subjects.accountId, accountId))),
    one(db.select({ n: held(enterpriseVerifications.contactName) }).from(enterpriseVerifications).where(eq(enterpriseVerifications.accountId, accountId))),
    one(db.select({ n: held(enterpriseVerifications.legalRepName) }).from(enterpriseVerifications).where(eq(enterpriseVerifications.accountId, accountId))),
    one(db.select({ n: held(payoutVerifications.legalRepName) }).from(payoutVerifications).where(eq(payoutVerifications.accountId, accountId))),
    one(db.select({ n: held(payoutVerifications.operatorName) }).from(payoutVerifications).where(eq(payoutVerifications.accountId, accountId))),
    one(db.select({ n: held(changeRequests.legalRepName) }).from(changeRequests).where(eq(changeRequests.accountId, accountId))),
  ]);
  return p + s1 + s2 + s3 + e1 + e2 + o1 + o2 + c1;
}

/** Counts of the account's rows that only serve it (files, review materials, messages, sessions, webhook). */
export async function countHeldRows(db: Db, accountId: string) {
  const n = async (q: Promise<{ n: number }[]>) => Number((await q)[0]?.n ?? 0);
  const [files, reviewItems, siteMessageCount, outbox, liveSessions, webhook, channelSessionCount] = await Promise.all([
    n(db.select({ n: count() }).from(uploads).where(and(eq(uploads.accountId, accountId), isNull(uploads.purgedAt)))),
    n(
      db
        .select({ n: count() })
        .from(reviewCaseItems)
        .innerJoin(reviewCases, eq(reviewCases.id, reviewCaseItems.caseId))
        .where(eq(reviewCases.accountId, accountId)),
    ),
    n(db.select({ n: count() }).from(siteMessages).where(eq(siteMessages.accountId, accountId))),
    n(db.select({ n: count() }).from(outboxMessages).where(eq(outboxMessages.accountId, accountId))),
    n(db.select({ n: count() }).from(userSessions).where(and(eq(userSessions.accountId, accountId), isNull(userSessions.revokedAt)))),
    n(db.select({ n: count() }).from(webhookEndpoints).where(eq(webhookEndpoints.accountId, accountId))),
    n(db.select({ n: count() }).from(channelSessions).where(and(eq(channelSessions.accountId, accountId), isNotNull(channelSessions.birthDate)))),
  ]);
  return { files, reviewItems, siteMessages: siteMessageCount, outbox, liveSessions, webhook, channelSessions: channelSessionCount };
}

// ---- The redaction itself (one transaction, the caller's `tx`) ----

/** The ids every flow of the account is known by in channel requests and events (their `reference`). */
async function flowReferences(tx: Db, accountId: string): Promise<{ references: string[]; externalIds: string[] }> {
  const ids = async (table: typeof personalVerifications | typeof enterpriseVerifications | typeof payoutVerifications | typeof changeRequests | typeof rechargeVerifications) =>
    (await tx.select({ id: table.id }).from(table).where(eq(table.accountId, accountId))).map((r) => r.id);
  const transfers = await tx.select({ id: incomingTransfers.id, transferId: incomingTransfers.transferId }).from(incomingTransfers).where(eq(incomingTransfers.accountId, accountId));
  const ledger = await tx.select({ id: balanceEntries.id, withdrawalId: balanceEntries.withdrawalId }).from(balanceEntries).where(eq(balanceEntries.accountId, accountId));
  const sessions = await tx.select({ externalId: channelSessions.externalSessionId }).from(channelSessions).where(eq(channelSessions.accountId, accountId));
  const payouts = await tx.select({ bankPayoutId: payoutVerifications.bankPayoutId }).from(payoutVerifications).where(eq(payoutVerifications.accountId, accountId));
  return {
    references: [
      ...(await ids(personalVerifications)),
      ...(await ids(enterpriseVerifications)),
      ...(await ids(payoutVerifications)),
      ...(await ids(changeRequests)),
      ...(await ids(rechargeVerifications)),
      ...transfers.map((t) => t.id),
      ...ledger.map((l) => l.id),
    ],
    externalIds: [
      ...sessions.map((s) => s.externalId),
      ...transfers.map((t) => t.transferId),
      ...ledger.flatMap((l) => (l.withdrawalId ? [l.withdrawalId] : [])),
      ...payouts.flatMap((p) => (p.bankPayoutId ? [p.bankPayoutId] : [])),
    ],
  };
}

/** Overwrites the personal data of every subject (current or replaced) and ends the current one: its slot is free (R-LIM-1, R-LIM-2). */
export async function redactSubjects(tx: Db, accountId: string, now: Date): Promise<number> {
  const person = await tx
    .update(subjects)
    .set({
      name: REDACTED_NAME,
      documentNumberEnc: REDACTED_CIPHERTEXT,
      identityKey: redactedKey(subjects.id),
      addressDetail: null,
      replacedAt: sql`coalesce(${subjects.replacedAt}, ${now.toISOString()}::timestamptz)`,
    })
    .where(and(eq(subjects.accountId, accountId), eq(subjects.kind, 'person')))
    .returning({ id: subjects.id });
  // Enterprise name and code are not personal data (ADR 0016): kept, but the subject ends, so the code's slot is free too.
  const enterprise = await tx
    .update(subjects)
    .set({
      contactName: nameMarker(subjects.contactName),
      contactIdNumberEnc: null,
      contactMobileEnc: null,
      legalRepName: nameMarker(subjects.legalRepName),
      legalRepIdNumberEnc: null,
      cdnEnabledAt: null,
      replacedAt: sql`coalesce(${subjects.replacedAt}, ${now.toISOString()}::timestamptz)`,
    })
    .where(and(eq(subjects.accountId, accountId), eq(subjects.kind, 'enterprise')))
    .returning({ id: subjects.id });
  return person.length + enterprise.length;
}

export async function redactPersonalVerifications(tx: Db, accountId: string): Promise<number> {
  const rows = await tx
    .update(personalVerifications)
    .set({
      realName: REDACTED_NAME,
      documentNumberEnc: REDACTED_CIPHERTEXT,
      identityKey: redactedKey(personalVerifications.id),
      birthDate: null,
      addressDetail: REDACTED_NAME,
    })
    .where(eq(personalVerifications.accountId, accountId))
    .returning({ id: personalVerifications.id });
  return rows.length;
}

/** Enterprise attempts keep the enterprise (name, code, address); its persons go. */
export async function redactEnterpriseVerifications(tx: Db, accountId: string): Promise<number> {
  const rows = await tx
    .update(enterpriseVerifications)
    .set({
      contactName: REDACTED_NAME,
      contactIdNumberEnc: REDACTED_CIPHERTEXT,
      contactMobileEnc: REDACTED_CIPHERTEXT,
      legalRepName: nameMarker(enterpriseVerifications.legalRepName),
      legalRepIdNumberEnc: null,
    })
    .where(eq(enterpriseVerifications.accountId, accountId))
    .returning({ id: enterpriseVerifications.id });
  return rows.length;
}

export async function redactPayoutVerifications(tx: Db, accountId: string): Promise<number> {
  const rows = await tx
    .update(payoutVerifications)
    .set({
      bankAccountEnc: REDACTED_CIPHERTEXT,
      legalRepName: REDACTED_NAME,
      legalRepIdNumberEnc: REDACTED_CIPHERTEXT,
      operatorName: nameMarker(payoutVerifications.operatorName),
      operatorIdNumberEnc: null,
      registryAnswer: null,
    })
    .where(eq(payoutVerifications.accountId, accountId))
    .returning({ id: payoutVerifications.id });
  return rows.length;
}

/** The bank accounts money came from or went back to (a wrong payer may be a person: the holder name goes too). */
export async function redactBankRecords(tx: Db, accountId: string): Promise<number> {
  const transfers = await tx
    .update(incomingTransfers)
    .set({ payerName: REDACTED_NAME, payerAccountEnc: REDACTED_CIPHERTEXT, payerAccountLast4: '' })
    .where(eq(incomingTransfers.accountId, accountId))
    .returning({ id: incomingTransfers.id });
  const ledger = await tx
    .update(balanceEntries)
    .set({ holderName: REDACTED_NAME, bankAccountEnc: REDACTED_CIPHERTEXT, bankAccountLast4: '' })
    .where(eq(balanceEntries.accountId, accountId))
    .returning({ id: balanceEntries.id });
  return transfers.length + ledger.length;
}

/** Change requests keep the enterprise names (R-CHG-E6 history); the legal rep and the numbers go (as retention does after its period). */
export async function redactChangeRequests(tx: Db, accountId: string): Promise<number> {
  const rows = await tx
    .update(changeRequests)
    .set({ legalRepName: nameMarker(changeRequests.legalRepName), legalRepIdNumberEnc: null, newCodeEnc: null })
    .where(eq(changeRequests.accountId, accountId))
    .returning({ id: changeRequests.id });
  return rows.length;
}

/** Review cases stay (decisions, dates); what was judged — the items, the registry's answer, the reviewer's note — goes. */
export async function redactReviewCases(tx: Db, accountId: string): Promise<number> {
  const cases = tx.select({ id: reviewCases.id }).from(reviewCases).where(eq(reviewCases.accountId, accountId));
  const items = await tx.delete(reviewCaseItems).where(inArray(reviewCaseItems.caseId, cases)).returning({ caseId: reviewCaseItems.caseId });
  await tx.update(reviewCases).set({ registryAnswer: null, internalNote: null }).where(eq(reviewCases.accountId, accountId));
  return items.length;
}

/** The account's stored files not purged yet, locked: the caller marks them purged and deletes their bytes after commit. */
export async function lockUnpurgedUploads(tx: Db, accountId: string): Promise<UploadRow[]> {
  return tx
    .select()
    .from(uploads)
    .where(and(eq(uploads.accountId, accountId), isNull(uploads.purgedAt)))
    .for('update');
}

/** All the account's files (purged ones included): a repeated redaction deletes their bytes again, which is harmless. */
export async function listAccountUploads(db: Db, accountId: string): Promise<UploadRow[]> {
  return db.select().from(uploads).where(eq(uploads.accountId, accountId));
}

/** 站内信, outbox messages (sent or not: an unsent one must never go out), webhook endpoint and deliveries. */
export async function deleteAccountMessages(tx: Db, accountId: string) {
  const site = await tx.delete(siteMessages).where(eq(siteMessages.accountId, accountId)).returning({ id: siteMessages.id });
  const outbox = await tx.delete(outboxMessages).where(eq(outboxMessages.accountId, accountId)).returning({ id: outboxMessages.id, status: outboxMessages.status });
  const deliveries = await tx.delete(webhookDeliveries).where(eq(webhookDeliveries.accountId, accountId)).returning({ id: webhookDeliveries.id });
  const endpoint = await tx.delete(webhookEndpoints).where(eq(webhookEndpoints.accountId, accountId)).returning({ accountId: webhookEndpoints.accountId });
  return {
    siteMessages: site.length,
    outboxUnsent: outbox.filter((o) => o.status !== 'sent').length,
    outboxSent: outbox.filter((o) => o.status === 'sent').length,
    webhookDeliveries: deliveries.length,
    webhookEndpoint: endpoint.length,
  };
}

/**
 * What the channels told us about the account's flows: the birth date of a session, the
 * keyed identity in an opening request's scope (open-channel-session.ts requestScope),
 * and the payload of a settled callback (encrypted, but it holds names and numbers).
 * Callbacks not handled yet keep their payload: they are applied (to an ended flow:
 * nothing changes) and purged with the others (purge-channel-events.ts).
 */
export async function redactChannelData(tx: Db, accountId: string) {
  const sessions = await tx.update(channelSessions).set({ birthDate: null }).where(eq(channelSessions.accountId, accountId)).returning({ id: channelSessions.id });
  const { references, externalIds } = await flowReferences(tx, accountId);
  let requests = 0;
  let events = 0;
  if (references.length > 0) {
    const prefix = sql`split_part(${channelRequests.reference}, ':', 1)`;
    const scrubbed = await tx
      .update(channelRequests)
      .set({
        reference: sql`${prefix} || ':redacted'`,
        // A pending opening of an ended flow is never replayed (and two scrubbed scopes may not both be pending).
        status: sql`case when ${channelRequests.status} = 'pending' then 'failed'::channel_request_status else ${channelRequests.status} end`,
      })
      .where(and(eq(channelRequests.operation, 'open_session'), inArray(prefix, references), sql`${channelRequests.reference} like '%:%'`, ne(channelRequests.reference, sql`${prefix} || ':redacted'`)))
      .returning({ key: channelRequests.idempotencyKey });
    requests = scrubbed.length;
  }
  const match: SQL[] = [];
  if (references.length > 0) match.push(inArray(channelEvents.reference, references));
  if (externalIds.length > 0) match.push(inArray(channelEvents.subjectId, externalIds));
  if (match.length > 0) {
    const rows = await tx
      .update(channelEvents)
      .set({ payloadEnc: REDACTED_CIPHERTEXT })
      .where(and(or(...match), inArray(channelEvents.status, ['processed', 'ignored']), ne(channelEvents.payloadEnc, REDACTED_CIPHERTEXT)))
      .returning({ id: channelEvents.id });
    events = rows.length;
  }
  return { channelSessions: sessions.length, channelRequests: requests, channelEvents: events };
}

/** Signs the account out everywhere and closes it: no e-mail, mobile, nickname or usable password stays. */
export async function closeAccount(tx: Db, account: { id: string; accountNumber: string }, now: Date) {
  const sessions = await tx
    .update(userSessions)
    .set({ revokedAt: now })
    .where(and(eq(userSessions.accountId, account.id), isNull(userSessions.revokedAt)))
    .returning({ id: userSessions.id });
  // Unused confirmation and reset links die with the address they were sent to.
  await tx.delete(accountTokens).where(eq(accountTokens.accountId, account.id));
  await tx
    .update(accounts)
    .set({
      // Unique and not an address anyone receives mail at (RFC 2606 .invalid): the e-mail may sign up again.
      email: `closed-${account.accountNumber}@closed.invalid`,
      nickname: REDACTED_NAME,
      contactPhoneEnc: null,
      passwordHash: '',
      closedAt: now,
      updatedAt: now,
    })
    .where(eq(accounts.id, account.id));
  return { sessionsRevoked: sessions.length };
}
