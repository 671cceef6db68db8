import { text } from '@/lib/messages';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { findReviewCase, listReviewCaseItems } from '@/db/queries/review-cases';
import { countCurrentHolders, findAccountProcess, findCurrentSubject } from '@/db/queries/subjects';
import { webhookDeliveries } from '@/db/schema';
import { renameNameSchema, type RenameProofsInput } from '@/lib/schemas/enterprise-rename';
import { confirmRenameName, returnToRenameName } from '@/lib/features/change/confirm-rename-name';
import { decideReviewCase } from '@/lib/features/review/decide-review-case';
import { getAccountOverview } from '@/lib/features/overview/get-account-overview';
import { getRenameChange } from '@/lib/features/change/get-rename-change';
import { getSiteMessages } from '@/lib/features/notifications/get-site-messages';
import { getVerificationOverview } from '@/lib/features/overview/get-verification-overview';
import { queryRegistryName } from '@/lib/features/change/query-registry-name';
import { registerWebhookEndpoint } from '@/lib/features/notifications/register-webhook-endpoint';
import { resubmitReviewCase } from '@/lib/features/review/resubmit-review-case';
import { enterpriseIdentityKey } from '@/lib/features/enterprise/start-enterprise-verification';
import { startEnterpriseRename } from '@/lib/features/change/start-enterprise-rename';
import { submitRenameProofs } from '@/lib/features/change/submit-rename-proofs';
import { expectAppError } from '../support/expect-error';
import { licenceUpload, newStaff, registryEnterprise, type RegistryEnterprise } from '../support/factories';
import { account, changeAudit, changeRequest, changeTestBed, verifiedEnterprise } from './support';

const t = changeTestBed('rn');
const ctx = t.ctx;
let seq = 0;

/** A registry enterprise: a 91… company by default, or a 12… public institution (非营业执照). */
function enterprise(kind: 'company' | 'institution' = 'company'): RegistryEnterprise {
  seq += 1;
  return registryEnterprise(t.channels, { name: kind === 'company' ? `北京更名${seq}号科技有限公司` : `北京市更名${seq}号科技服务中心`, kind });
}

const named = (newName: string) => renameNameSchema.parse({ newName });

/** The registry renames the enterprise (the old name goes to its history). */
function registryRenames(e: RegistryEnterprise, newName: string) {
  t.channels.registry.set(e.code, { ...e, name: newName, nameHistory: [{ name: e.name, until: '2026-11-20' }] });
}

async function proofs(accountId: string): Promise<RenameProofsInput> {
  const at = new Date();
  return {
    applicationForm: await licenceUpload(t.db, accountId, at, 'change_proof'),
    certificate: await licenceUpload(t.db, accountId, at, 'change_proof'),
    licence: await licenceUpload(t.db, accountId, at, 'change_proof'),
  };
}

async function expectRenamedTo(accountId: string, e: RegistryEnterprise, newName: string) {
  const subject = (await findCurrentSubject(t.db, accountId))!;
  expect(subject.name).toBe(newName);
  // Amended in place: the same code, the same identity slot (R-LIM-2), the same verification time.
  expect(subject.identityKey).toBe(enterpriseIdentityKey(e.code, e.name));
  expect(await countCurrentHolders(t.db, subject.identityKey)).toBe(1);
  expect(await findAccountProcess(t.db, accountId)).toBeUndefined();
  expect((await getVerificationOverview(ctx(), accountId)).subject).toMatchObject({ kind: 'enterprise', name: newName });
  expect((await getAccountOverview(ctx(), accountId)).status).toBe('verified');
}

describe('变更企业名称, automatic path (R-CHG-E2)', () => {
  it('renames a 91… subject at once when the registry lists the new name: process released, notified, change.completed, one audit row per transition', async () => {
    const e = enterprise();
    const a = await verifiedEnterprise(t, e);
    await registerWebhookEndpoint(ctx(), a, { url: 'http://127.0.0.1:9/hooks' });
    const verifiedAt = (await findCurrentSubject(t.db, a))!.verifiedAt;
    const newName = `北京新名${seq}号数字科技有限公司`;
    registryRenames(e, newName);

    const started = await startEnterpriseRename(ctx(), a, named(newName));
    expect(started.state).toBe('completed');
    const row = await changeRequest(t.db, a, started.changeId);
    expect(row).toMatchObject({ type: 'enterprise_rename', state: 'completed', newName, previousName: e.name });
    expect(row.completedAt).not.toBeNull();
    await expectRenamedTo(a, e, newName);
    expect((await findCurrentSubject(t.db, a))!.verifiedAt).toEqual(verifiedAt);
    expect(await changeAudit(t.db, started.changeId)).toEqual(['subject_change.started', 'subject_change.registry_confirmed']);
    expect((await getSiteMessages(ctx(), a)).messages).toContainEqual(expect.objectContaining({ title: '认证主体变更完成' }));
    const hooks = await t.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.accountId, a));
    expect(hooks.map((h) => h.type)).toContain('change.completed');
  });

  it('asks for proofs when the registry has not renamed the enterprise yet', async () => {
    const e = enterprise();
    const a = await verifiedEnterprise(t, e);
    const started = await startEnterpriseRename(ctx(), a, named(`北京未登记${seq}号科技有限公司`));
    expect(started.state).toBe('proofs');
    expect((await findCurrentSubject(t.db, a))!.name).toBe(e.name);
    expect((await getAccountOverview(ctx(), a)).status).toBe('changing');
    expect(await changeAudit(t.db, started.changeId)).toEqual(['subject_change.started', 'subject_change.proofs_required']);
  });

  it('waits in new_name while the registry is down (never a guess), then 重新查询 completes it', async () => {
    const e = enterprise();
    const a = await verifiedEnterprise(t, e);
    const newName = `北京重试${seq}号科技有限公司`;
    registryRenames(e, newName);
    t.channels.registryDown = true;
    const started = await startEnterpriseRename(ctx(), a, named(newName));
    expect(started.state).toBe('new_name');
    expect((await findCurrentSubject(t.db, a))!.name).toBe(e.name);
    expect((await getRenameChange(ctx(), a, started.changeId)).registryWaiting).toBe(true);
    // Still down: still waiting, nothing decided.
    expect((await confirmRenameName(ctx(), a, started.changeId, named(newName))).state).toBe('new_name');

    t.channels.registryDown = false;
    expect((await confirmRenameName(ctx(), a, started.changeId, named(newName))).state).toBe('completed');
    await expectRenamedTo(a, e, newName);
    expect(await changeAudit(t.db, started.changeId)).toEqual(['subject_change.started', 'subject_change.registry_confirmed']);
  });

  it('查询新名称 answers the name the registry lists for the current code; a down registry is an error beside the field', async () => {
    const e = enterprise();
    const a = await verifiedEnterprise(t, e);
    expect(await queryRegistryName(ctx(), a)).toEqual({ name: e.name, sameAsCurrent: true });
    registryRenames(e, `北京查询${seq}号科技有限公司`);
    expect(await queryRegistryName(ctx(), a)).toEqual({ name: `北京查询${seq}号科技有限公司`, sameAsCurrent: false });
    expect(t.channels.registryCalls.at(-1)?.path).toBe(`enterprises/${e.code}`);
    t.channels.registryDown = true;
    const error = await expectAppError(queryRegistryName(ctx(), a), 'REGISTRY_UNAVAILABLE');
    expect(error.detail?.field).toBe('newName');
  });

  it('refuses the current name beside the field, and answers a double submit with the first request', async () => {
    const e = enterprise();
    const a = await verifiedEnterprise(t, e);
    const same = await expectAppError(startEnterpriseRename(ctx(), a, named(` ${e.name} `)), 'RENAME_SAME_NAME');
    expect(same.detail).toBeUndefined();

    const newName = `北京双击${seq}号科技有限公司`;
    const [first, second] = await Promise.all([startEnterpriseRename(ctx(), a, named(newName)), startEnterpriseRename(ctx(), a, named(newName))]);
    expect(second.changeId).toBe(first.changeId);
    expect(first.state).toBe('proofs');
    // Another name while one runs is refused (R-LIM-9).
    await expectAppError(startEnterpriseRename(ctx(), a, named(`北京另名${seq}号科技有限公司`)), 'PROCESS_IN_PROGRESS');

    // Completed at once, then submitted again: the completed request, not "same name".
    const e2 = enterprise();
    const b = await verifiedEnterprise(t, e2);
    const renamed = `北京双击完成${seq}号科技有限公司`;
    registryRenames(e2, renamed);
    const done = await startEnterpriseRename(ctx(), b, named(renamed));
    expect(await startEnterpriseRename(ctx(), b, named(renamed))).toEqual(done);
  });
});

describe('变更企业名称, review path (R-CHG-E2)', () => {
  it('a 12… public institution goes to proofs even when the registry would confirm; the approved review renames it', async () => {
    const e = enterprise('institution');
    const a = await verifiedEnterprise(t, e);
    const newName = `北京市新名${seq}号科技服务中心`;
    registryRenames(e, newName);
    const calls = t.channels.registryCalls.length;
    const started = await startEnterpriseRename(ctx(), a, named(newName));
    expect(started.state).toBe('proofs');
    expect(t.channels.registryCalls.length).toBe(calls);

    // 上一步 and on again (edit).
    await returnToRenameName(ctx(), a, started.changeId);
    expect((await changeRequest(t.db, a, started.changeId)).state).toBe('new_name');
    expect((await confirmRenameName(ctx(), a, started.changeId, named(newName))).state).toBe('proofs');

    const files = await proofs(a);
    const submitted = await submitRenameProofs(ctx(), a, started.changeId, files);
    // Double submit: the same case.
    expect(await submitRenameProofs(ctx(), a, started.changeId, files)).toEqual(submitted);
    const row = await changeRequest(t.db, a, started.changeId);
    expect(row).toMatchObject({ state: 'in_review', reviewCaseId: submitted.reviewCaseId });
    const kase = (await findReviewCase(t.db, submitted.reviewCaseId))!;
    expect(kase).toMatchObject({ kind: 'name_change_proofs', processId: started.changeId, state: 'open' });
    expect(kase.registryAnswer).toMatchObject({ name: newName, status: 'active', licenceType: 'other' });
    expect([text('review.registry.status.active'), text('review.registry.licenceType.other')]).toEqual(['存续', '非营业执照']);
    const items = await listReviewCaseItems(t.db, kase.id);
    expect(items.map((i) => i.item.key).sort()).toEqual(['change_application_form', 'change_certificate', 'new_business_licence', 'new_enterprise_name']);
    expect(items.find((i) => i.item.key === 'new_enterprise_name')!.item.textValue).toBe(newName);
    const view = await getRenameChange(ctx(), a, started.changeId);
    expect(view.review?.dueAt.getTime()).toBeGreaterThan(Date.now());
    expect((await findCurrentSubject(t.db, a))!.name).toBe(e.name);

    await decideReviewCase(ctx(), await newStaff(ctx()), { caseId: kase.id, round: 1, decision: 'approve' });
    expect((await changeRequest(t.db, a, started.changeId)).state).toBe('completed');
    await expectRenamedTo(a, e, newName);
    expect(await changeAudit(t.db, started.changeId)).toEqual([
      'subject_change.started',
      'subject_change.proofs_required',
      'subject_change.edit',
      'subject_change.proofs_required',
      'subject_change.submit_proofs',
      'subject_change.review_approved',
    ]);
  });

  it('rejected → the name fixed and resubmitted on the case → in review again → approved under the corrected name', async () => {
    const e = enterprise();
    const a = await verifiedEnterprise(t, e);
    const started = await startEnterpriseRename(ctx(), a, named(`北京错字${seq}号科技有限公司`));
    const { reviewCaseId } = await submitRenameProofs(ctx(), a, started.changeId, await proofs(a));
    const staff = await newStaff(ctx());
    await decideReviewCase(ctx(), staff, { caseId: reviewCaseId, round: 1, decision: 'reject', reasons: [{ itemKey: 'new_enterprise_name', code: 'info_mismatch' }] });
    expect((await changeRequest(t.db, a, started.changeId)).state).toBe('rejected');
    expect((await getRenameChange(ctx(), a, started.changeId)).review?.itemsToFix.map((i) => i.key)).toEqual(['new_enterprise_name']);
    expect((await findCurrentSubject(t.db, a))!.name).toBe(e.name);

    const fixed = `北京正字${seq}号科技有限公司`;
    await resubmitReviewCase(ctx(), a, { caseId: reviewCaseId, round: 1, values: { new_enterprise_name: fixed }, files: {} });
    expect(await changeRequest(t.db, a, started.changeId)).toMatchObject({ state: 'in_review', newName: fixed });

    await decideReviewCase(ctx(), staff, { caseId: reviewCaseId, round: 2, decision: 'approve' });
    expect((await changeRequest(t.db, a, started.changeId)).state).toBe('completed');
    await expectRenamedTo(a, e, fixed);
    expect(await changeAudit(t.db, started.changeId)).toEqual([
      'subject_change.started',
      'subject_change.proofs_required',
      'subject_change.submit_proofs',
      'subject_change.review_rejected',
      'subject_change.resubmit',
      'subject_change.review_approved',
    ]);
  });

  it('refuses proofs that are not this account’s change proofs, and steps out of order', async () => {
    const e = enterprise();
    const a = await verifiedEnterprise(t, e);
    const started = await startEnterpriseRename(ctx(), a, named(`北京乱序${seq}号科技有限公司`));
    const other = await account(t);
    const foreign = { ...(await proofs(a)), certificate: await licenceUpload(t.db, other, new Date(), 'change_proof') };
    const refused = await expectAppError(submitRenameProofs(ctx(), a, started.changeId, foreign), 'INVALID_INPUT');
    expect(refused.detail?.field).toBe('certificate');
    const wrongPurpose = { ...(await proofs(a)), licence: await licenceUpload(t.db, a, new Date()) };
    await expectAppError(submitRenameProofs(ctx(), a, started.changeId, wrongPurpose), 'INVALID_INPUT');
    // Another account's request is not found (IDOR).
    await expectAppError(submitRenameProofs(ctx(), other, started.changeId, await proofs(other)), 'NOT_FOUND');
    await returnToRenameName(ctx(), a, started.changeId);
    await expectAppError(submitRenameProofs(ctx(), a, started.changeId, await proofs(a)), 'STEP_NOT_ALLOWED');
  });
});
