import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { rowsOf, type Db } from '@/db/client';
import { findLiveSession } from '@/db/queries/accounts';
import { countCurrentHolders, findCurrentSubject, insertSubject } from '@/db/queries/subjects';
import { accounts, auditLog, registryRechecks, uploads } from '@/db/schema';
import { makeResidentId } from '@/lib/domain/identity/resident-id';
import { maskBankAccount, maskIdentifier, maskMobile } from '@/lib/domain/mask';
import { encryptField } from '@/lib/security/crypto';
import { localFileStore } from '@/lib/storage/local-store';
import { cancelEnterpriseVerification } from '@/lib/features/enterprise/cancel-enterprise-verification';
import { SUBJECT_DOCUMENT_CONTEXT } from '@/db/schema';
import { createStaffAccount } from '@/lib/features/account/create-staff-account';
import { getAccountPersonalDataSummary } from '@/lib/features/privacy/get-account-personal-data-summary';
import { notifyAccount } from '@/lib/features/notifications/notify-account';
import { redactAccountPersonalData } from '@/lib/features/privacy/redact-account-personal-data';
import { registerAccount } from '@/lib/features/account/register-account';
import { registerWebhookEndpoint } from '@/lib/features/notifications/register-webhook-endpoint';
import { signIn } from '@/lib/features/account/sign-in';
import { personIdentityKey, startPersonalVerification } from '@/lib/features/personal/start-personal-verification';
import { storeUpload } from '@/lib/features/uploads/store-upload';
import { updateAccountProfile } from '@/lib/features/account/update-account-profile';
import { freezeTime, serviceContext } from '../channels/support';
import { OPERATOR, operatorPassed, payoutChannels, submittedPayout, type PayoutChannels } from '../payout/support';
import { png } from '../review/support';
import { describeError } from '@/lib/errors';
import { text } from '@/lib/messages';
import { expectAppError } from '../support/expect-error';
import { ACCOUNT_PASSWORD, personalInfo, REGISTRY_LEGAL_REP as LEGAL_REP } from '../support/factories';
import { processDatabase, runAuditVerify, type ProcessDatabase } from '../support/process-database';
import { testDatabaseKind } from '../support/test-db';

/**
 * 删除个人信息 (SPEC §13, ADR 0016) on a real database that `npm run audit:verify` can open
 * too: after a redaction no personal datum of the account is left in the product's tables,
 * other accounts are untouched, the ID's slot is free, the account cannot sign in, and the
 * audit chain still verifies.
 */
const NOW = '2026-11-27T04:00:00.000Z';
const PASSWORD = 'Redaction-tests-9';
const PERSON = { name: '孙丽', id: makeResidentId('110105', '19880808', '427') };
const CONTACT = { name: '李娜', mobile: '13812345678' };

let h: ProcessDatabase;
let channels: PayoutChannels;
let uploadDir: string;
let seq = 0;

beforeAll(async () => {
  h = await processDatabase('redaction-');
  uploadDir = await fs.mkdtemp(path.join(os.tmpdir(), 'redaction-uploads-'));
});
afterAll(async () => {
  vi.useRealTimers();
  await h?.dispose();
  await fs.rm(uploadDir, { recursive: true, force: true });
});
beforeEach(() => {
  freezeTime(NOW);
  channels = payoutChannels();
});

const db = (): Db => h.db;
const ctx = () => ({ ...serviceContext(db(), channels.fetch), fileStore: localFileStore(uploadDir) });
const email = (prefix: string) => `${prefix}-${++seq}-${Date.now().toString(36)}@example.com`;

async function newUser(prefix: string): Promise<{ id: string; email: string; accountNumber: string }> {
  const e = email(prefix);
  const { id } = await registerAccount(ctx(), { email: e, password: PASSWORD, emailConfirmed: true });
  const [row] = await db().select().from(accounts).where(eq(accounts.id, id));
  return { id, email: e, accountNumber: row!.accountNumber };
}

async function newStaff(role: 'reviewer' | 'account_manager') {
  return (await createStaffAccount(ctx(), { email: email(role), role, password: PASSWORD })).id;
}

/** A verified person, written straight to the database (the verification flows are tested elsewhere). */
function personSubject(accountId: string) {
  return insertSubject(db(), {
    accountId,
    kind: 'person',
    name: PERSON.name,
    documentType: 'resident_id',
    documentNumberEnc: encryptField(PERSON.id, SUBJECT_DOCUMENT_CONTEXT),
    identityKey: personIdentityKey('resident_id', PERSON.id),
    method: 'wechat',
    province: '11',
    city: '1101',
    district: '110105',
    addressDetail: '建国路 1 号',
    verifiedAt: new Date(NOW),
  });
}

/** Every row of the public tables, as JSON text — of one account only when `accountId` is given (its flows' channel rows and review items too). */
async function dump(accountId?: string, skip: string[] = []): Promise<string> {
  const tables = rowsOf<{ table_name: string; has_account: boolean }>(
    await db().execute(sql`
      select t.table_name, exists (select 1 from information_schema.columns c where c.table_schema = 'public' and c.table_name = t.table_name and c.column_name = 'account_id') as has_account
      from information_schema.tables t where t.table_schema = 'public' and t.table_type = 'BASE TABLE' order by t.table_name`),
  );
  const out: string[] = [];
  for (const { table_name: table, has_account: hasAccount } of tables) {
    if (skip.includes(table)) continue;
    if (accountId && !hasAccount && table !== 'accounts' && table !== 'review_case_items' && table !== 'channel_requests' && table !== 'channel_events') continue;
    let where = sql``;
    if (accountId) {
      const flows = sql`(select id::text from personal_verifications where account_id = ${accountId} union select id::text from enterprise_verifications where account_id = ${accountId}
        union select id::text from payout_verifications where account_id = ${accountId} union select id::text from change_requests where account_id = ${accountId})`;
      if (table === 'accounts') where = sql`where t.id = ${accountId}`;
      else if (table === 'review_case_items') where = sql`where t.case_id in (select id from review_cases where account_id = ${accountId})`;
      else if (table === 'channel_requests') where = sql`where split_part(t.reference, ':', 1) in ${flows}`;
      else if (table === 'channel_events') where = sql`where t.reference in ${flows} or t.subject_id in (select external_session_id from channel_sessions where account_id = ${accountId})`;
      else where = sql`where t.account_id = ${accountId}`;
    }
    const rows = rowsOf<{ j: string }>(await db().execute(sql`select row_to_json(t)::text as j from ${sql.identifier(table)} t ${where}`));
    out.push(`${table}: ${rows.map((r) => r.j).join('\n')}`);
  }
  return out.join('\n');
}

/** The ciphertexts of an account's rows (random IVs: each is unique to its row) but its enterprise codes, which are kept (ADR 0016). */
async function personalCiphertextsOf(accountId: string): Promise<string[]> {
  return [...(await dump(accountId)).matchAll(/"(\w+)":"(v1\.[\w-]+\.[\w-]+\.[\w-]+)"/g)].filter((m) => m[1] !== 'code_enc').map((m) => m[2]!);
}


/**
 * The account of the journey: a verified person (孙丽), an enterprise verification whose
 * 对公打款 reached review (licence, ID photos, bank account, legal rep, operator, contact)
 * and was then withdrawn, a 联系手机, messages, a webhook endpoint, a signed-in session and
 * a stored file with its bytes.
 */
async function accountWithEverything() {
  const p = await submittedPayout(db(), channels);
  await operatorPassed(db(), channels, p);
  await cancelEnterpriseVerification(ctx(), p.accountId, p.verificationId);
  await personSubject(p.accountId);
  await updateAccountProfile(ctx(), p.accountId, { nickname: '孙丽的账号', contactPhone: `+86${CONTACT.mobile}`, industry: null } as never);
  await db().transaction(async (tx) => {
    await notifyAccount(tx, p.accountId, { kind: 'payout_sent', bankAccountMasked: maskBankAccount(p.bankAccount), expectedBy: '2026-11-30' }, new Date(NOW));
    await notifyAccount(tx, p.accountId, { kind: 'review_approved', what: '企业对公打款认证材料' }, new Date(NOW));
  });
  await registerWebhookEndpoint(ctx(), p.accountId, { url: 'https://hooks.example.com/cloud' });
  const file = await storeUpload(ctx(), p.accountId, { purpose: 'business_licence', bytes: await png() });
  const [row] = await db().select().from(accounts).where(eq(accounts.id, p.accountId));
  const session = await signIn(ctx(), { email: row!.email, password: ACCOUNT_PASSWORD, address: '203.0.113.7' });
  return { ...p, email: row!.email, accountNumber: row!.accountNumber, fileId: file.id, sessionId: session.sessionId };
}

describe(`删除个人信息 — ${testDatabaseKind()}`, () => {
  it('removes every personal datum of the account, frees its ID slot, closes it, leaves others alone; audit:verify passes', { timeout: 300_000 }, async () => {
    const manager = await newStaff('account_manager');
    const x = await accountWithEverything();
    // The same person is the subject of two more accounts: with x, the ID's 3 slots are taken (R-LIM-1).
    const others = [await newUser('other'), await newUser('other')];
    for (const o of others) await personSubject(o.id);
    const identityKey = personIdentityKey('resident_id', PERSON.id);
    expect(await countCurrentHolders(db(), identityKey)).toBe(3);
    const newcomer = await newUser('newcomer');
    const info = personalInfo({ realName: PERSON.name, documentNumber: PERSON.id }, { year: 2026, month: 11, day: 27 });
    await expectAppError(startPersonalVerification(ctx(), newcomer.id, info), 'IDENTITY_LIMIT');

    // What the account manager sees first: counts and masked values, never a clear one.
    const summary = await getAccountPersonalDataSummary(ctx(), manager, x.accountNumber);
    const kind = (label: string) => summary.kinds.find((k) => text(`privacy.dataKind.${k.kind}`).startsWith(label))!;
    expect(kind('证件号码').masked).toEqual(expect.arrayContaining([maskIdentifier(PERSON.id), maskIdentifier(LEGAL_REP.idNumber), maskIdentifier(OPERATOR.operatorIdNumber)]));
    expect(kind('手机号').masked).toEqual([maskMobile(CONTACT.mobile)]);
    expect(kind('银行账号').masked).toEqual([maskBankAccount(x.bankAccount)]);
    expect(kind('姓名').count).toBe(4); // the person, the contact, the payout's legal rep and operator
    expect(kind('上传的文件').count).toBe(4);
    expect(JSON.stringify(summary)).not.toContain(PERSON.id);
    expect(JSON.stringify(summary)).not.toContain(CONTACT.mobile);

    const otherBefore = await dump(others[0]!.id);
    const ciphertexts = await personalCiphertextsOf(x.accountId);
    expect(ciphertexts.length).toBeGreaterThan(10);
    const scopes = rowsOf<{ reference: string }>(await db().execute(sql`select reference from channel_requests where split_part(reference, ':', 1) = ${x.payoutId}`));
    expect(scopes.length).toBeGreaterThan(0);
    const [file] = await db().select().from(uploads).where(eq(uploads.id, x.fileId));
    expect(await ctx().fileStore.get(file!.storageKey)).not.toBeNull();
    // A registry re-check's legal-rep proposal keeps a keyed hash of a person's name (ADR 0015).
    const subject = (await findCurrentSubject(db(), x.accountId))!;
    await db().insert(registryRechecks).values({ subjectId: subject.id, accountId: x.accountId, proposalKind: 'legal_rep', proposalState: 'open', proposalValueKey: 'keyed-hash-of-a-name' });
    const auditBefore = await db().select().from(auditLog).orderBy(auditLog.id);

    const result = await redactAccountPersonalData(ctx(), manager, { accountNumber: x.accountNumber, reason: '用户注销账号', confirmAccountNumber: x.accountNumber });
    expect(result).toMatchObject({ status: 'redacted', accountNumber: x.accountNumber });

    // Nothing of the person is left in the account's rows: no clear, masked or encrypted number, name, mobile, e-mail or blind index.
    const after = await dump(x.accountId);
    for (const clear of [PERSON.id, LEGAL_REP.idNumber, OPERATOR.operatorIdNumber, x.bankAccount, CONTACT.mobile, x.email, identityKey]) expect(after).not.toContain(clear);
    for (const name of [PERSON.name, LEGAL_REP.name, CONTACT.name, OPERATOR.operatorName]) expect(after).not.toContain(name);
    for (const masked of [maskIdentifier(PERSON.id), maskMobile(CONTACT.mobile), maskBankAccount(x.bankAccount), `${PERSON.name[0]}*`, `"${x.bankAccount.slice(-4)}"`]) {
      expect(after).not.toContain(masked);
    }
    for (const scope of scopes) expect(after).not.toContain(scope.reference.split(':')[1]);
    expect(await db().select().from(registryRechecks).where(eq(registryRechecks.accountId, x.accountId))).toEqual([]);
    // …and none of its ciphertexts anywhere in the database.
    const everything = await dump();
    expect(ciphertexts.filter((c) => everything.includes(c))).toEqual([]);
    // The summary agrees.
    const emptied = await getAccountPersonalDataSummary(ctx(), manager, x.accountNumber);
    expect(emptied.empty).toBe(true);
    expect(emptied.closedAt).not.toBeNull();

    // The stored bytes are gone; the row stays as retention's tombstone.
    const [tombstone] = await db().select().from(uploads).where(eq(uploads.id, x.fileId));
    expect(tombstone!.purgedAt).not.toBeNull();
    expect(await ctx().fileStore.get(file!.storageKey)).toBeNull();

    // Signed out everywhere, and no sign-in any more.
    expect(await findLiveSession(db(), x.sessionId)).toBeUndefined();
    await expectAppError(signIn(ctx(), { email: x.email, password: ACCOUNT_PASSWORD, address: '203.0.113.7' }), 'INVALID_CREDENTIALS');
    // A request that passed its session check before the redaction cannot write new data to the closed account.
    await expectAppError(updateAccountProfile(ctx(), x.accountId, { nickname: '新昵称', contactPhone: `+86${CONTACT.mobile}`, industry: null } as never), 'NOT_FOUND');
    await expectAppError(registerWebhookEndpoint(ctx(), x.accountId, { url: 'https://hooks.example.com/again' }), 'NOT_FOUND');

    // The slot is free for another account; the other holders are untouched.
    expect(await countCurrentHolders(db(), identityKey)).toBe(2);
    await expect(startPersonalVerification(ctx(), newcomer.id, info)).resolves.toMatchObject({ verificationId: expect.any(String) });
    expect(await dump(others[0]!.id)).toBe(otherBefore);

    // The audit log: the rows before are unchanged, one row was added — with the reason and counts, no personal data.
    const auditAfter = await db().select().from(auditLog).orderBy(auditLog.id);
    expect(auditAfter.slice(0, auditBefore.length)).toEqual(auditBefore);
    const redacted = auditAfter.filter((r) => r.action === 'account.redacted');
    expect(redacted).toHaveLength(1);
    expect(redacted[0]).toMatchObject({ actorAccountId: manager, accountId: x.accountId, data: { reason: '用户注销账号' } });
    expect(JSON.stringify(redacted[0]!.data)).not.toMatch(/\d{17}[\dX]|1[3-9]\d{9}/);

    const verified = await runAuditVerify(h);
    expect(verified.out).toMatch(/audit chain intact: \d+ rows/);
    expect(verified.code).toBe(0);
  });

  it('refuses a reviewer and a user, and an account whose flow still runs; nothing changes', { timeout: 120_000 }, async () => {
    const manager = await newStaff('account_manager');
    const reviewer = await newStaff('reviewer');
    const running = await submittedPayout(db(), channels);
    const [row] = await db().select().from(accounts).where(eq(accounts.id, running.accountId));
    const input = { accountNumber: row!.accountNumber, reason: '用户申请删除', confirmAccountNumber: row!.accountNumber };
    const before = await dump(running.accountId, ['audit_log']);

    await expectAppError(redactAccountPersonalData(ctx(), reviewer, input), 'FORBIDDEN');
    await expectAppError(redactAccountPersonalData(ctx(), running.accountId, input), 'FORBIDDEN');
    await expectAppError(getAccountPersonalDataSummary(ctx(), reviewer, input.accountNumber), 'FORBIDDEN');
    const blocked = await expectAppError(redactAccountPersonalData(ctx(), manager, input), 'REDACTION_BLOCKED');
    expect(blocked.detail?.reason).toEqual({ code: 'privacy.redaction.processRunning', params: { process: 'enterprise', bank: 'payout' } });
    expect(describeError(blocked.code, blocked.detail).message).toContain('进行中的企业实名认证（企业对公打款认证）');
    // Staff accounts are not redacted here; a mistyped confirmation changes nothing either.
    await expectAppError(redactAccountPersonalData(ctx(), manager, { ...input, confirmAccountNumber: '0000000000' }), 'INVALID_INPUT');
    const [staffRow] = await db().select().from(accounts).where(eq(accounts.id, reviewer));
    await expectAppError(
      redactAccountPersonalData(ctx(), manager, { accountNumber: staffRow!.accountNumber, reason: '测试', confirmAccountNumber: staffRow!.accountNumber }),
      'USER_ACCOUNT_NOT_FOUND',
    );

    // The refusals are audited on the actors, not on the account: its rows are as they were.
    expect(await dump(running.accountId, ['audit_log'])).toBe(before);
    const refused = await db().select().from(auditLog).where(eq(auditLog.action, 'authorization.refused'));
    expect(refused.filter((r) => r.actorAccountId === reviewer).length).toBeGreaterThanOrEqual(2);
  });

  it('two redactions at once: one redacts, the other finds it done', { timeout: 120_000 }, async () => {
    const manager = await newStaff('account_manager');
    const x = await newUser('race');
    await personSubject(x.id);
    const input = { accountNumber: x.accountNumber, reason: '用户注销账号', confirmAccountNumber: x.accountNumber };
    const results = await Promise.all([redactAccountPersonalData(ctx(), manager, input), redactAccountPersonalData(ctx(), manager, input)]);
    expect(results.map((r) => r.status).sort()).toEqual(['already_redacted', 'redacted']);
    const rows = await db().select().from(auditLog).where(eq(auditLog.target, `account:${x.id}`));
    expect(rows.filter((r) => r.action === 'account.redacted')).toHaveLength(1);
  });
});
