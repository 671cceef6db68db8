import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertChangeRequest } from '@/db/queries/change-requests';
import { getAccountEntitlements } from '@/lib/features/account/get-account-entitlements';
import { newAccount } from '../support/factories';
import { ctx, createTestDatabase, type TestDatabase } from '../support/test-db';
import { insertEnterpriseSubject } from './support';

/** R-OWN-2, R-CHG-E6: VAT special invoices carry the current name only; the account's earlier names are listed as unusable. */
let t: TestDatabase;
const AT = new Date('2026-11-27T04:00:00.000Z');

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.close());

/** An enterprise subject of the account verified at AT (replaced at `replacedAt`, or the current one). */
function enterpriseSubject(accountId: string, name: string, serial: string, replacedAt: Date | null) {
  return insertEnterpriseSubject(t.db, { accountId, name, serial, verifiedAt: AT, replacedAt });
}

describe('invoice eligibility after changes (R-CHG-E6)', () => {
  it('lists the subject an A → B change replaced and the name a rename replaced; a cancelled rename leaves no former name', async () => {
    const c = ctx(t.db, AT);
    const accountId = await newAccount(c, 'inv');
    const a = await enterpriseSubject(accountId, '北京甲方科技有限公司', 'MA0K1001', AT);
    const b = await enterpriseSubject(accountId, '北京乙方智能科技有限公司', 'MA0K1002', null);
    expect((await getAccountEntitlements(c, accountId)).formerTitles).toEqual(['北京甲方科技有限公司']);

    await insertChangeRequest(t.db, { accountId, type: 'enterprise_rename', state: 'cancelled', oldSubjectId: b.id, previousName: b.name, newName: '撤销的名称', createdAt: AT, updatedAt: AT });
    await insertChangeRequest(t.db, {
      accountId,
      type: 'enterprise_rename',
      state: 'completed',
      oldSubjectId: b.id,
      previousName: '北京乙方科技有限公司',
      newName: b.name,
      createdAt: AT,
      updatedAt: AT,
      completedAt: AT,
    });
    const rights = await getAccountEntitlements(c, accountId);
    expect(rights.specialInvoice).toEqual({ allowed: true, title: '北京乙方智能科技有限公司' });
    expect(rights.formerTitles.sort()).toEqual(['北京乙方科技有限公司', '北京甲方科技有限公司'].sort());
    expect(a.id).not.toBe(b.id);
  });
});
