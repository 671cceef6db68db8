import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enterpriseLimitOf } from '@/db/queries/enterprise-limits';
import { insertSubject } from '@/db/queries/subjects';
import { enterpriseLimits, subjects } from '@/db/schema';
import { makeOrganisationCode, makeUscc } from '@/lib/domain/identity';
import { encryptField } from '@/lib/security/crypto';
import { changeEnterpriseQuota } from '@/lib/features/enterprise/change-enterprise-quota';
import { SUBJECT_DOCUMENT_CONTEXT } from '@/db/schema';
import { listEnterpriseQuotas } from '@/lib/features/enterprise/list-enterprise-quotas';
import { enterpriseIdentityKey } from '@/lib/features/enterprise/start-enterprise-verification';
import { expectAppError } from '../support/expect-error';
import { newAccount, newStaff } from '../support/factories';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { auditRows, reviewContext } from './support';

let t: TestDatabase;
let c: Awaited<ReturnType<typeof reviewContext>>;

beforeAll(async () => {
  t = await createTestDatabase();
  c = await reviewContext(t.db);
});
afterAll(async () => {
  await c?.cleanup();
  await t?.close();
});

const USCC = makeUscc('91110108', makeOrganisationCode('MA01ABCD').slice(0, 8));

/** `n` accounts whose current subject is this enterprise (and one whose subject was replaced: it no longer counts, R-LIM-3). */
async function enterpriseWithAccounts(code: string, name: string, n: number) {
  const identityKey = enterpriseIdentityKey(code, name);
  for (let i = 0; i <= n; i++) {
    const accountId = await newAccount(c.ctx, 'ent');
    await insertSubject(t.db, {
      accountId,
      kind: 'enterprise',
      name,
      documentType: 'business_licence',
      documentNumberEnc: encryptField(code, SUBJECT_DOCUMENT_CONTEXT),
      identityKey,
      method: 'oa',
      verifiedAt: new Date('2025-05-01T00:00:00Z'),
      replacedAt: i === n ? new Date('2025-05-20T00:00:00Z') : null,
    });
  }
  return identityKey;
}

describe('per-enterprise account limits (R-LIM-2, SPEC §7)', () => {
  it('lists enterprises with their current account counts and limits, code masked, for account managers only', async () => {
    const manager = await newStaff(c.ctx, 'account_manager');
    const reviewer = await newStaff(c.ctx, 'reviewer');
    const key = await enterpriseWithAccounts(USCC, '北京配额测试科技有限公司', 3);

    const list = await listEnterpriseQuotas(c.ctx, manager, {});
    const row = list.enterprises.find((e) => e.identityKey === key)!;
    expect(row).toMatchObject({ name: '北京配额测试科技有限公司', accounts: 3, limit: 10, custom: false });
    expect(row.codeMasked).toBe(`9${'*'.repeat(16)}${USCC.at(-1)}`);
    expect((await listEnterpriseQuotas(c.ctx, manager, { q: '配额测试' })).enterprises.map((e) => e.identityKey)).toEqual([key]);
    expect((await listEnterpriseQuotas(c.ctx, manager, { q: '100%_' })).enterprises).toEqual([]);

    await expectAppError(listEnterpriseQuotas(c.ctx, reviewer, {}), 'FORBIDDEN');
  });

  it('raises and lowers a limit with a mandatory reason, audited; reviewers and users are refused', async () => {
    const manager = await newStaff(c.ctx, 'account_manager');
    const reviewer = await newStaff(c.ctx, 'reviewer');
    const user = await newAccount(c.ctx);
    const key = await enterpriseWithAccounts(makeUscc('91440300', makeOrganisationCode('MA5GQW7X').slice(0, 8)), '深圳配额测试有限公司', 2);

    const raised = await changeEnterpriseQuota(c.ctx, manager, { identityKey: key, maxAccounts: 25, reason: '集团客户，签约扩容' });
    expect(raised).toEqual({ identityKey: key, from: 10, to: 25 });
    expect(await enterpriseLimitOf(t.db, key)).toBe(25);
    const [audit] = await auditRows(t.db, 'enterprise_limit.changed', `enterprise:${key}`);
    expect(audit).toMatchObject({ actorAccountId: manager, data: { from: 10, to: 25, reason: '集团客户，签约扩容' } });

    await changeEnterpriseQuota(c.ctx, manager, { identityKey: key, maxAccounts: 5, reason: '合同到期' });
    const [row] = await t.db.select().from(enterpriseLimits).where(eq(enterpriseLimits.identityKey, key));
    expect(row).toMatchObject({ maxAccounts: 5, reason: '合同到期', updatedBy: manager });
    expect((await auditRows(t.db, 'enterprise_limit.changed', `enterprise:${key}`)).map((a) => [a.data.from, a.data.to])).toEqual([
      [10, 25],
      [25, 5],
    ]);

    const reason = await expectAppError(changeEnterpriseQuota(c.ctx, manager, { identityKey: key, maxAccounts: 6, reason: ' ' }), 'INVALID_INPUT');
    expect(reason.detail?.field).toBe('reason');
    await expectAppError(changeEnterpriseQuota(c.ctx, manager, { identityKey: key, maxAccounts: 0, reason: '测试' }), 'INVALID_INPUT');
    await expectAppError(changeEnterpriseQuota(c.ctx, manager, { identityKey: 'not-an-enterprise', maxAccounts: 20, reason: '测试' }), 'NOT_FOUND');
    for (const who of [reviewer, user]) {
      await expectAppError(changeEnterpriseQuota(c.ctx, who, { identityKey: key, maxAccounts: 99, reason: '越权' }), 'FORBIDDEN');
    }
    expect(await enterpriseLimitOf(t.db, key)).toBe(5);
    const refused = await auditRows(t.db, 'authorization.refused');
    expect(refused.filter((r) => r.data.attempted === 'enterprise_limit.change').map((r) => r.actorAccountId)).toEqual([reviewer, user]);
  });

  it('sets a limit for an enterprise by its code before it has accounts, keyed as the verification keys it', async () => {
    const manager = await newStaff(c.ctx, 'account_manager');
    const code = makeUscc('91310115', makeOrganisationCode('MA1FL8XQ').slice(0, 8));
    const result = await changeEnterpriseQuota(c.ctx, manager, { code, name: '上海新客户有限公司', maxAccounts: 30, reason: '新签大客户' });
    expect(result.identityKey).toBe(enterpriseIdentityKey(code, '任意名称'));
    expect(await enterpriseLimitOf(t.db, result.identityKey)).toBe(30);
    const listed = (await listEnterpriseQuotas(c.ctx, manager, {})).enterprises.find((e) => e.identityKey === result.identityKey);
    expect(listed).toMatchObject({ accounts: 0, limit: 30, custom: true, reason: '新签大客户' });
    const bad = await expectAppError(changeEnterpriseQuota(c.ctx, manager, { code: '91310115MA1FL8XQ00', name: '', maxAccounts: 30, reason: '测试' }), 'INVALID_INPUT');
    expect(bad.detail?.field).toBe('code');
    expect(await t.db.select().from(subjects).where(eq(subjects.identityKey, result.identityKey))).toEqual([]);
  });
});
