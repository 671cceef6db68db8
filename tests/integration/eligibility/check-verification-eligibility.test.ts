import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rowsOf } from '@/db/client';
import { upsertEnterpriseLimit } from '@/db/queries/enterprise-limits';
import { findAccountProcess, insertSubject } from '@/db/queries/subjects';
import { makeResidentId } from '@/lib/domain/identity/resident-id';
import { makeUscc } from '@/lib/domain/identity/uscc';
import { describeError, type AppError } from '@/lib/errors';
import { text, textOf, type MessageRef } from '@/lib/messages';
import { enterpriseEligibilitySchema, personEligibilitySchema } from '@/lib/schemas/eligibility';
import { checkVerificationEligibility, ELIGIBILITY_CHECKS_PER_HOUR, type EligibilityView } from '@/lib/features/overview/check-verification-eligibility';
import { checkEnterpriseRegistry } from '@/lib/features/enterprise/enterprise-registry-check';
import { enterpriseIdentityKey } from '@/lib/features/enterprise/start-enterprise-verification';
import { personIdentityKey } from '@/lib/features/personal/start-personal-verification';
import { channelTestBed } from '../channels/support';
import { fakeChannels } from '../enterprise/support';
import { enterpriseHolders, newAccount, registryEnterprise, type RegistryEnterprise } from '../support/factories';
import { expectAppError } from '../support/expect-error';

/** The check returns catalogue codes; the page words them like this. */
const say = (phrase: { code: string; params?: MessageRef['params'] }) => textOf(phrase as MessageRef);

const NOW = '2026-11-27T04:00:00.000Z';
const t = channelTestBed(fakeChannels, NOW);
const ctx = t.ctx;
const today = { year: 2026, month: 11, day: 27 };

const account = () => newAccount(ctx(), 'elig');

/** A valid mainland ID per test (slots are per ID). */
function residentId(seqNo: number): string {
  return makeResidentId('110105', '19900307', String(seqNo).padStart(3, '0'));
}

const enterprise = (overrides: Partial<RegistryEnterprise> = {}) => registryEnterprise(t.channels, overrides);

function checkPerson(accountId: string, documentNumber: string, documentType = 'resident_id') {
  const input = personEligibilitySchema(today).parse({ documentType, documentNumber });
  return checkVerificationEligibility(ctx(), accountId, { kind: 'person', ...input });
}

function checkEnterprise(accountId: string, e: { code: string; name: string }, licenceType = 'business_licence') {
  const input = enterpriseEligibilitySchema.parse({ licenceType, enterpriseName: e.name, code: e.code });
  return checkVerificationEligibility(ctx(), accountId, { kind: 'enterprise', ...input });
}

async function holdPerson(documentNumber: string) {
  const holder = await account();
  await insertSubject(t.db, {
    accountId: holder,
    kind: 'person',
    name: '张伟',
    documentType: 'resident_id',
    documentNumberEnc: 'v1.x.y.z',
    identityKey: personIdentityKey('resident_id', documentNumber),
    method: 'wechat',
    verifiedAt: new Date(NOW),
  });
  return holder;
}

const holdEnterprise = (e: RegistryEnterprise, count: number) => enterpriseHolders(ctx(), e, count, new Date(NOW));

/** Every row of the tables a verification, a change or a channel question would touch. */
async function stateCounts() {
  const tables = ['subjects', 'personal_verifications', 'enterprise_verifications', 'account_processes', 'change_requests', 'channel_requests', 'channel_sessions', 'review_cases', 'outbox'];
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const exists = rowsOf<{ t: string | null }>(await t.db.execute(sql.raw(`select to_regclass('${table}')::text as t`)))[0]?.t;
    if (!exists) continue;
    counts[table] = Number(rowsOf<{ n: number }>(await t.db.execute(sql.raw(`select count(*)::int as n from ${table}`)))[0]!.n);
  }
  return counts;
}

const available = (v: EligibilityView) => v.methods.filter((m) => m.available).map((m) => m.method);

describe('认证前检查 (SPEC §13): a person', () => {
  it('counts 1 slot left for an ID held by 2 accounts, and never says which', async () => {
    const id = residentId(101);
    const holders = [await holdPerson(id), await holdPerson(id)];
    const me = await account();
    const view = await checkPerson(me, id);
    expect(view.slots).toMatchObject({ left: 1, limit: 3, status: 'pass' });
    expect(view.canStart).toBe(true);
    expect(available(view)).toEqual(['wechat', 'face', 'qq']);
    expect(view.numberMasked).toBe(`1****************${id.at(-1)}`);
    const shown = JSON.stringify(view);
    for (const holder of holders) expect(shown).not.toContain(holder);
    expect(shown).not.toContain(id);
    // Nothing started: the account has no process.
    expect(await findAccountProcess(t.db, me)).toBeUndefined();
  });

  it('refuses every method when the ID holds its 3 accounts (R-LIM-1), with the wizard’s words', async () => {
    const id = residentId(102);
    for (let i = 0; i < 3; i++) await holdPerson(id);
    const view = await checkPerson(await account(), id);
    expect(view.slots.left).toBe(0);
    expect(view.canStart).toBe(false);
    expect(say(view.summary)).toBe(describeError('IDENTITY_LIMIT').message);
    expect(available(view)).toEqual([]);
  });

  it('sends an account holding another process to it (R-LIM-9)', async () => {
    const me = await account();
    await t.db.execute(sql`insert into account_processes (account_id, kind, process_id, started_at) values (${me}, 'enterprise_verification', gen_random_uuid(), ${NOW})`);
    const view = await checkPerson(me, residentId(103));
    expect(view.standing).toMatchObject({ status: 'fail', next: { route: 'verification.enterprise' } });
    expect(view.canStart).toBe(false);
  });
});

describe('认证前检查: an enterprise', () => {
  it('answers 0 slots for an enterprise at its override (R-LIM-2)', async () => {
    const e = enterprise();
    const manager = await account();
    await upsertEnterpriseLimit(t.db, { identityKey: enterpriseIdentityKey(e.code, e.name), maxAccounts: 2, reason: '测试', updatedBy: manager, updatedAt: new Date(NOW) });
    await holdEnterprise(e, 1);
    expect((await checkEnterprise(await account(), e)).slots).toMatchObject({ left: 1, limit: 2 });
    await holdEnterprise(e, 1);
    const view = await checkEnterprise(await account(), e);
    expect(view.slots).toMatchObject({ left: 0, limit: 2, status: 'fail' });
    expect(say(view.slots.text)).toBe('该企业实名认证的账号数量已达上限（2 个），无法继续认证');
    expect(view.registryStatus).toBe('active');
    expect(available(view)).toEqual([]);
    expect(view.canStart).toBe(false);
  });

  it('offers all five methods to a 存续 工商类 enterprise with slots', async () => {
    const e = enterprise();
    const view = await checkEnterprise(await account(), e);
    expect(view.subject.status).toBe('pass');
    expect(say(view.subject.text)).toBe('工商登记状态：存续，企业名称与代码一致');
    expect(view.slots).toMatchObject({ left: 10, limit: 10 });
    expect(available(view)).toEqual(['oa', 'legal_rep_wechat', 'legal_rep_face', 'recharge', 'payout']);
    expect(view.standing.next).toEqual({ route: 'verification.enterprise', label: 'eligibility.next.start' });
    expect(text(view.standing.next!.label)).toBe('开始认证');
  });

  it('tells a 注销, a former name and an unknown code with the same words as the wizard (R-E-REG)', async () => {
    const me = await account();
    const now = new Date(NOW);
    const reasonOf = async (e: { code: string; name: string }) => {
      try {
        await checkEnterpriseRegistry(ctx(), me, { licenceType: 'business_licence', code: e.code, enterpriseName: e.name }, now);
        return null;
      } catch (error) {
        const a = error as AppError;
        return describeError(a.code, a.detail).message;
      }
    };

    const gone = enterprise({ status: 'deregistered' });
    const view = await checkEnterprise(me, gone);
    expect(view.registryStatus).toBe('deregistered');
    expect(view.subject.status).toBe('fail');
    expect(say(view.subject.text)).toBe('该企业在工商登记系统中的登记状态为注销，无法进行实名认证');
    expect(say(view.subject.text)).toBe(await reasonOf(gone));
    expect(available(view)).toEqual([]);
    expect(view.summary).toBe(view.subject.text);

    const renamed = enterprise({ nameHistory: [{ name: '北京检查旧名称有限公司', until: '2024-01-01T00:00:00.000Z' }] });
    const former = { code: renamed.code, name: '北京检查旧名称有限公司' };
    const formerView = await checkEnterprise(me, former);
    expect(formerView.registryStatus).toBe('former_name');
    expect(say(formerView.subject.text)).toBe(await reasonOf(former));

    const other = { code: renamed.code, name: '北京完全不同的名称有限公司' };
    expect(say((await checkEnterprise(me, other)).subject.text)).toBe(await reasonOf(other));

    const unknown = { code: makeUscc('91110108', 'MY999999'), name: '北京不存在有限公司' };
    const unknownView = await checkEnterprise(me, unknown);
    expect(unknownView.registryStatus).toBe('code_unknown');
    expect(say(unknownView.subject.text)).toBe(await reasonOf(unknown));
  });

  it('cannot tell while the registry is down, and says so', async () => {
    const e = enterprise();
    t.channels.registryDown = true;
    const view = await checkEnterprise(await account(), e);
    expect(view.subject.status).toBe('unknown');
    expect(say(view.subject.text)).toBe(describeError('REGISTRY_UNAVAILABLE').message);
    expect(view.canStart).toBe(false);
  });

  it('does not ask the registry for a 非营业执照 subject, and withholds the legal-rep methods (R-E-TYPE)', async () => {
    const calls = t.channels.registryCalls.length;
    const view = await checkEnterprise(await account(), { code: makeUscc('12440300', '45575881'), name: '深圳市检查服务中心' }, 'other');
    expect(t.channels.registryCalls.length).toBe(calls);
    expect(view.registryStatus).toBe('not_applicable');
    expect(available(view)).toEqual(['oa', 'recharge', 'payout']);
  });
});

describe('认证前检查: limits and privacy', () => {
  it('refuses a check once the account used its hourly checks, and nothing else changes', async () => {
    const me = await account();
    const e = enterprise();
    for (let i = 0; i < ELIGIBILITY_CHECKS_PER_HOUR.points; i++) await checkPerson(me, residentId(200 + i));
    const before = await stateCounts();
    const calls = t.channels.registryCalls.length;
    const error = await expectAppError(checkEnterprise(me, e), 'ELIGIBILITY_CHECKS_LIMITED');
    expect(describeError(error.code).message).toContain('认证前检查次数过多');
    await expectAppError(checkPerson(me, residentId(199)), 'ELIGIBILITY_CHECKS_LIMITED');
    expect(await stateCounts()).toEqual(before);
    expect(t.channels.registryCalls.length).toBe(calls);
    const refused = rowsOf<{ n: number }>(
      await t.db.execute(sql`select count(*)::int as n from audit_log where action = 'limit.eligibility_checks' and account_id = ${me}`),
    );
    expect(Number(refused[0]!.n)).toBe(2);
    // Another account is not limited by this one.
    expect((await checkPerson(await account(), residentId(198))).slots.left).toBe(3);
  });

  it('audits each check with the number masked and hashed, never in clear', async () => {
    const me = await account();
    const id = residentId(301);
    const e = enterprise();
    await checkPerson(me, id);
    await checkEnterprise(me, e);
    const rows = rowsOf<{ action: string; data: unknown }>(await t.db.execute(sql`select action, data from audit_log where account_id = ${me} order by id`));
    const checks = rows.filter((r) => r.action === 'verification_eligibility.checked');
    expect(checks).toHaveLength(2);
    const everything = JSON.stringify(rowsOf(await t.db.execute(sql`select * from audit_log`)));
    expect(everything).not.toContain(id);
    expect(everything).not.toContain(e.code);
    const data = checks.map((r) => (typeof r.data === 'string' ? JSON.parse(r.data) : r.data) as Record<string, unknown>);
    expect(data[0]).toMatchObject({ kind: 'person', type: 'resident_id', number: `1****************${id.at(-1)}`, identityKey: personIdentityKey('resident_id', id), slotsLeft: 3 });
    expect(data[1]).toMatchObject({ kind: 'enterprise', type: 'business_licence', number: `9****************${e.code.at(-1)}`, registry: 'active' });
  });
});
