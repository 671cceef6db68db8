import { and, asc, eq, like } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Db } from '@/db/client';
import { findChangeRequest } from '@/db/queries/change-requests';
import { findCurrentSubject, insertSubject } from '@/db/queries/subjects';
import { auditLog } from '@/db/schema';
import { makeUscc } from '@/lib/domain/identity/uscc';
import { encryptField } from '@/lib/security/crypto';
import { chooseEnterpriseMethod } from '@/lib/features/enterprise/choose-enterprise-method';
import { SUBJECT_DOCUMENT_CONTEXT } from '@/db/schema';
import { enterpriseIdentityKey, startEnterpriseVerification } from '@/lib/features/enterprise/start-enterprise-verification';
import { channelTestBed, deliver, sessionRow, signedDelivery, type ChannelTestBed } from '../channels/support';
import { fakeChannels, oaCompleted, type FakeChannels } from '../enterprise/support';
import { enterpriseInfo, newAccount, type RegistryEnterprise } from '../support/factories';

/** The moment every subject-change test starts at (12:00 in Beijing). */
export const NOW = '2026-11-27T04:00:00.000Z';
export const DAY_MS = 24 * 60 * 60 * 1000;

/** What a change test file works on: a channel test bed at NOW with the enterprise fake channels (registry included). */
export interface ChangeTestBed extends ChannelTestBed<FakeChannels> {
  /** Starts the email addresses of the file's accounts (keeps them apart from other files'). */
  accountPrefix: string;
}

/** The usual opening of a change test file (channelTestBed at NOW, fresh fake channels per test). */
export function changeTestBed(accountPrefix: string): ChangeTestBed {
  return Object.assign(channelTestBed(fakeChannels, NOW), { accountPrefix });
}

/** A new user account of the file (no subject yet). */
export function account(t: ChangeTestBed): Promise<string> {
  return newAccount(t.ctx(), t.accountPrefix);
}

/**
 * An enterprise verification of `e` to completion by 微信公众平台认证: a first one, or with
 * `changeRequestId` the linked one of a change request. Answers the verification's id.
 */
export async function verifyEnterpriseByOa(t: ChangeTestBed, accountId: string, e: RegistryEnterprise, changeRequestId?: string): Promise<string> {
  const { verificationId } = await startEnterpriseVerification(
    t.ctx(),
    accountId,
    await enterpriseInfo(t.db, accountId, e),
    changeRequestId ? { changeRequestId } : undefined,
  );
  const answer = await chooseEnterpriseMethod(t.ctx(), accountId, { verificationId, method: 'oa' });
  if (answer.outcome !== 'session') throw new Error('expected a session');
  const session = await sessionRow(t.db, answer.session.id);
  expect((await deliver('oa', signedDelivery('oa', oaCompleted(session, e.name)))).status).toBeLessThan(300);
  return verificationId;
}

/** A new account verified as `e` by 微信公众平台认证 (so no legal rep on file); answers the account id. */
export async function verifiedEnterprise(t: ChangeTestBed, e: RegistryEnterprise): Promise<string> {
  const accountId = await account(t);
  await verifyEnterpriseByOa(t, accountId, e);
  expect(await findCurrentSubject(t.db, accountId)).toMatchObject({ kind: 'enterprise', name: e.name, legalRepName: null });
  return accountId;
}

/** The account's change request `changeId` (it must exist). */
export async function changeRequest(db: Db, accountId: string, changeId: string) {
  return (await findChangeRequest(db, accountId, changeId))!;
}

/** The subject_change.* audit actions of a change request, oldest first. */
export async function changeAudit(db: Db, changeId: string): Promise<string[]> {
  const rows = await db
    .select({ action: auditLog.action })
    .from(auditLog)
    .where(and(eq(auditLog.target, `subject_change:${changeId}`), like(auditLog.action, 'subject_change.%')))
    .orderBy(asc(auditLog.id));
  return rows.map((r) => r.action);
}

/**
 * An enterprise subject written straight to the database (no verification behind it): a 91…
 * USCC whose body is `serial` (8 characters, a prefix of the file's own), verified by OA.
 */
export function insertEnterpriseSubject(
  db: Db,
  input: { accountId: string; name: string; serial: string; verifiedAt: Date; replacedAt?: Date | null },
) {
  const code = makeUscc('91110108', input.serial);
  return insertSubject(db, {
    accountId: input.accountId,
    kind: 'enterprise',
    name: input.name,
    documentType: 'business_licence',
    documentNumberEnc: encryptField(code, SUBJECT_DOCUMENT_CONTEXT),
    identityKey: enterpriseIdentityKey(code, input.name),
    method: 'oa',
    verifiedAt: input.verifiedAt,
    replacedAt: input.replacedAt,
  });
}
