import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCurrentSubject, insertSubject } from '@/db/queries/subjects';
import { subjects } from '@/db/schema';
import { describeError } from '@/lib/errors';
import { enterpriseContactSchema } from '@/lib/schemas/enterprise-info';
import { encryptField } from '@/lib/security/crypto';
import { completeEnterpriseContact } from '@/lib/features/enterprise/complete-enterprise-contact';
import { SUBJECT_DOCUMENT_CONTEXT } from '@/db/schema';
import { getCdnSetting } from '@/lib/features/account/get-cdn-setting';
import { setCdnService } from '@/lib/features/account/set-cdn-service';
import { auditRows, reviewContext } from '../review/support';
import { expectAppError } from '../support/expect-error';
import { newAccount } from '../support/factories';
import { createTestDatabase, type TestDatabase } from '../support/test-db';

let t: TestDatabase;
let c: Awaited<ReturnType<typeof reviewContext>>;

beforeAll(async () => {
  t = await createTestDatabase();
  c = await reviewContext(t.db, '2026-11-27T02:00:00.000Z');
});
afterAll(async () => {
  await c?.cleanup();
  await t?.close();
});

/** A subject verified before the contact was collected (SPEC R-OWN-5): written directly. */
async function subjectOf(kind: 'person' | 'enterprise') {
  const accountId = await newAccount(c.ctx, kind);
  await insertSubject(t.db, {
    accountId,
    kind,
    name: kind === 'enterprise' ? '杭州早期科技有限公司' : '孙丽',
    documentType: kind === 'enterprise' ? 'business_licence' : 'resident_id',
    documentNumberEnc: encryptField(kind === 'enterprise' ? '91330106MA2B00001X' : '110105198808085017', SUBJECT_DOCUMENT_CONTEXT),
    identityKey: `test-${accountId}`,
    method: 'oa',
    verifiedAt: new Date('2020-01-01T00:00:00Z'),
  });
  return accountId;
}

const CONTACT = { contactName: '王敏', contactIdNumber: '110105199003070113', contactMobile: '13912345678' };

describe('使用CDN服务 (R-OWN-5)', () => {
  it('cannot be turned on until the enterprise contact is complete; then on and off, each audited, nothing in clear', async () => {
    const a = await subjectOf('enterprise');
    expect(await getCdnSetting(c.ctx, a)).toEqual({
      enabledAt: null,
      missing: ['contactName', 'contactIdNumber', 'contactMobile'],
      contact: { name: null, idNumberMasked: null, mobileMasked: null },
    });
    const refused = await expectAppError(setCdnService(c.ctx, a, true), 'CDN_CONTACT_INCOMPLETE');
    expect(describeError(refused.code, refused.detail).message).toBe('开启使用CDN服务前，请先补充企业联系人姓名、企业联系人身份证号、企业联系人手机号');
    expect((await findCurrentSubject(t.db, a))!.cdnEnabledAt).toBeNull();

    await completeEnterpriseContact(c.ctx, a, enterpriseContactSchema({ year: 2026, month: 11, day: 27 }).parse(CONTACT));
    const setting = await getCdnSetting(c.ctx, a);
    expect(setting).toMatchObject({ missing: [], contact: { name: '王敏', idNumberMasked: `1${'*'.repeat(16)}3`, mobileMasked: '139****5678' } });
    const [row] = await t.db.select().from(subjects).where(eq(subjects.accountId, a));
    expect(JSON.stringify(row)).not.toContain(CONTACT.contactIdNumber);
    expect(JSON.stringify(row)).not.toContain(CONTACT.contactMobile);

    await setCdnService(c.ctx, a, true);
    await setCdnService(c.ctx, a, true); // a double click changes nothing more
    expect((await getCdnSetting(c.ctx, a))!.enabledAt).toEqual(new Date('2026-11-27T02:00:00.000Z'));
    await setCdnService(c.ctx, a, false);
    expect((await getCdnSetting(c.ctx, a))!.enabledAt).toBeNull();

    const actions = (await auditRows(t.db, 'subject.cdn_enabled')).concat(await auditRows(t.db, 'subject.cdn_disabled'), await auditRows(t.db, 'subject.contact_updated'));
    expect(actions.filter((r) => r.accountId === a).map((r) => r.action).sort()).toEqual(['subject.cdn_disabled', 'subject.cdn_enabled', 'subject.contact_updated']);
  });

  it('is not a setting of personal subjects or of accounts without one', async () => {
    const person = await subjectOf('person');
    expect(await getCdnSetting(c.ctx, person)).toBeNull();
    await expectAppError(setCdnService(c.ctx, person, true), 'NOT_FOUND');
    await expectAppError(completeEnterpriseContact(c.ctx, person, enterpriseContactSchema({ year: 2026, month: 11, day: 27 }).parse(CONTACT)), 'NOT_FOUND');
    expect(await getCdnSetting(c.ctx, await newAccount(c.ctx, 'none'))).toBeNull();
  });
});
