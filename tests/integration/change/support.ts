import { and, asc, eq, like } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, expect, vi } from 'vitest';
import type { Db } from '@/db/client';
import { findChangeRequest } from '@/db/queries/change-requests';
import { findCurrentSubject, insertSubject } from '@/db/queries/subjects';
import { auditLog } from '@/db/schema';
import { makeRegistrationNumber } from '@/lib/domain/identity/registration-number';
import { makeUscc } from '@/lib/domain/identity/uscc';
import { encryptField } from '@/lib/security/crypto';
import { enterpriseInfoSchema, type EnterpriseInfoInput } from '@/lib/schemas/enterprise-info';
import { chooseEnterpriseMethod } from '@/lib/features/enterprise/choose-enterprise-method';
import { SUBJECT_DOCUMENT_CONTEXT } from '@/db/schema';
import type { ChannelServiceContext } from '@/lib/features/channels/send-channel-request';
import { enterpriseIdentityKey, startEnterpriseVerification } from '@/lib/features/enterprise/start-enterprise-verification';
import { channelTestDatabase, deliver, freezeTime, serviceContext, sessionRow, signedDelivery } from '../channels/support';
import { fakeChannels, licenceUpload, oaCompleted, type FakeChannels, type RegistryEnterprise } from '../enterprise/support';
import { newUser } from '../review/support';
import type { TestDatabase } from '../support/test-db';

/** The moment every subject-change test starts at (12:00 in Beijing). */
export const NOW = '2026-11-27T04:00:00.000Z';
export const DAY_MS = 24 * 60 * 60 * 1000;

/** The legal rep every registry enterprise of these tests lists until a test changes it. */
export const REGISTRY_LEGAL_REP = { name: '赵建国', idNumber: '110108197504120318' };

/** What a change test file works on: its database, and the fake channels of the running test. */
export interface ChangeTestBed {
  readonly db: Db;
  readonly channels: FakeChannels;
  /** A service context on the database that reaches the fake channels. */
  ctx: () => ChannelServiceContext;
  /** Starts the email addresses of the file's accounts (keeps them apart from other files'). */
  accountPrefix: string;
}

/**
 * The usual opening of a change test file: a channel test database for the whole file;
 * before each test the clock frozen at NOW and fresh fake channels (registry included),
 * real timers again after it. Read `db` and `channels` inside tests only.
 */
export function changeTestBed(accountPrefix: string): ChangeTestBed {
  let t: TestDatabase | undefined;
  let channels: FakeChannels | undefined;
  beforeAll(async () => {
    t = await channelTestDatabase();
  });
  afterAll(async () => t?.close());
  beforeEach(() => {
    freezeTime(NOW);
    channels = fakeChannels();
  });
  afterEach(() => vi.useRealTimers());
  const bed: ChangeTestBed = {
    get db() {
      if (!t) throw new Error('the change test database is opened in beforeAll');
      return t.db;
    },
    get channels() {
      if (!channels) throw new Error('the fake channels are made in beforeEach');
      return channels;
    },
    ctx: () => serviceContext(bed.db, bed.channels.fetch),
    accountPrefix,
  };
  return bed;
}

/** A new user account of the file (no subject yet). */
export function account(t: ChangeTestBed): Promise<string> {
  return newUser(t.ctx(), t.accountPrefix);
}

/** Today's date in Beijing on the (frozen) clock, as the info schemas take it. */
export function today() {
  const d = new Date(Date.now() + 8 * 60 * 60 * 1000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export type EnterpriseKind = 'company' | 'institution' | 'registration_number';

/**
 * Registry enterprise number `n` of a test file, listed in the fake registry with REGISTRY_LEGAL_REP:
 * a 91… company by default, a 12… public institution (非营业执照), or a 营业执照 company with a
 * 15-digit registration number. The USCC body is `prefix` + `n` in 6 digits: give each file its
 * own two-letter prefix so that codes never repeat between files.
 */
export function registryEnterprise(
  channels: FakeChannels,
  input: { prefix: string; n: number; name: string; kind?: EnterpriseKind },
): RegistryEnterprise {
  const serial = String(input.n).padStart(6, '0');
  const kind = input.kind ?? 'company';
  const e: RegistryEnterprise = {
    code:
      kind === 'registration_number'
        ? makeRegistrationNumber(`11010800${serial}`)
        : makeUscc(kind === 'company' ? '91110108' : '12110108', `${input.prefix}${serial}`),
    name: input.name,
    legalRepName: REGISTRY_LEGAL_REP.name,
    legalRepIdNumber: REGISTRY_LEGAL_REP.idNumber,
  };
  if (kind === 'institution') e.licenceType = 'other';
  channels.registry.set(e.code, e);
  return e;
}

/** Step 1 of the enterprise wizard filled in for `e` (its licence type, a fresh licence upload, a Beijing address). */
export async function enterpriseInfo(
  db: Db,
  accountId: string,
  e: { name: string; code: string; licenceType?: RegistryEnterprise['licenceType'] },
): Promise<EnterpriseInfoInput> {
  return enterpriseInfoSchema(today()).parse({
    licenceType: e.licenceType ?? 'business_licence',
    licenceUploadId: await licenceUpload(db, accountId, new Date()),
    enterpriseName: e.name,
    code: e.code,
    province: '11',
    city: '1101',
    district: '110108',
    addressDetail: '中关村大街 1 号',
    contactName: '李娜',
    contactIdNumber: '310104198511220241',
    contactMobile: '13812345678',
  });
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
