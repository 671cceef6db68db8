import { and, asc, eq, like } from 'drizzle-orm';
import { PDFDocument } from 'pdf-lib';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { findChangeRequest, insertChangeRequest } from '@/db/queries/change-requests';
import { findReviewCase, listReviewCaseItems } from '@/db/queries/review-cases';
import { countCurrentHolders, findAccountProcess, findCurrentSubject } from '@/db/queries/subjects';
import { auditLog, changeRequests, consents, subjects } from '@/db/schema';
import { CONSENT_TEXTS } from '@/lib/domain/consent';
import { makeResidentId } from '@/lib/domain/identity/resident-id';
import { makeUscc } from '@/lib/domain/identity/uscc';
import { enterpriseInfoSchema } from '@/lib/schemas/enterprise-info';
import { enterpriseSubjectChangeSchema, type EnterpriseSubjectChangeInput } from '@/lib/schemas/enterprise-subject-change';
import { encryptField } from '@/lib/security/crypto';
import { inspectUpload } from '@/lib/storage/inspect-upload';
import { acceptChangeAgreement } from '@/lib/services/accept-change-agreement';
import { cancelSubjectChange } from '@/lib/services/cancel-subject-change';
import { chooseEnterpriseMethod } from '@/lib/services/choose-enterprise-method';
import { SUBJECT_LEGAL_REP_ID_CONTEXT } from '@/lib/services/complete-enterprise-verification';
import { decideReviewCase } from '@/lib/services/decide-review-case';
import { getAccountOverview } from '@/lib/services/get-account-overview';
import { getChangeApplicationForm } from '@/lib/services/get-change-application-form';
import { getEnterpriseSubjectChange } from '@/lib/services/get-enterprise-subject-change';
import { getSiteMessages } from '@/lib/services/get-site-messages';
import { getVerificationOverview } from '@/lib/services/get-verification-overview';
import { openOldLegalRepFaceCheck } from '@/lib/services/open-old-legal-rep-face-check';
import { registerAccount } from '@/lib/services/register-account';
import { resubmitReviewCase } from '@/lib/services/resubmit-review-case';
import { startEnterpriseSubjectChange } from '@/lib/services/start-enterprise-subject-change';
import { enterpriseIdentityKey, startEnterpriseVerification } from '@/lib/services/start-enterprise-verification';
import { submitSubjectChangeProofs } from '@/lib/services/submit-subject-change-proofs';
import { createStaffAccount } from '@/lib/services/create-staff-account';
import { channelTestDatabase, deliver, freezeTime, moveTime, serviceContext, sessionRow, signedDelivery } from '../channels/support';
import { faceCompleted, fakeChannels, licenceUpload, oaCompleted, type FakeChannels, type RegistryEnterprise } from '../enterprise/support';
import { expectAppError } from '../support/expect-error';
import type { TestDatabase } from '../support/test-db';

let t: TestDatabase;
let channels: FakeChannels;
const ctx = () => serviceContext(t.db, channels.fetch);
const NOW = '2026-11-27T04:00:00.000Z';
const DAY_MS = 24 * 60 * 60 * 1000;
const OLD_REP = { name: '赵建国', id: '110108197504120318' };
let n = 0;
let seq = 0;

beforeAll(async () => {
  t = await channelTestDatabase();
});
afterAll(async () => t.close());
beforeEach(() => {
  freezeTime(NOW);
  channels = fakeChannels();
});
afterEach(() => vi.useRealTimers());

const today = () => {
  const d = new Date(Date.now() + 8 * 60 * 60 * 1000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
};

async function account() {
  n += 1;
  return (await registerAccount(ctx(), { email: `ab${n}-${Date.now()}@example.com`, password: 'Passw0rd!' })).id;
}

async function reviewer() {
  n += 1;
  return (await createStaffAccount(ctx(), { email: `ab-reviewer${n}-${Date.now()}@example.com`, role: 'reviewer', password: 'Review-tests-9' })).id;
}

function enterprise(): RegistryEnterprise {
  seq += 1;
  const e: RegistryEnterprise = {
    code: makeUscc('91110108', `AB${String(seq).padStart(6, '0')}`),
    name: `北京主体${'一二三四五六七八九十'.charAt(seq % 10)}号科技有限公司${seq}`,
    legalRepName: OLD_REP.name,
    legalRepIdNumber: OLD_REP.id,
  };
  channels.registry.set(e.code, e);
  return e;
}

async function enterpriseInfo(accountId: string, e: { name: string; code: string }) {
  return enterpriseInfoSchema(today()).parse({
    licenceType: 'business_licence',
    licenceUploadId: await licenceUpload(t.db, accountId, new Date()),
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

/** Step 1 + 微信公众平台认证 (a first verification, or the linked one of a change request). */
async function verifyEnterprise(accountId: string, e: RegistryEnterprise, change?: string) {
  const { verificationId } = await startEnterpriseVerification(ctx(), accountId, await enterpriseInfo(accountId, e), change ? { changeRequestId: change } : undefined);
  const answer = await chooseEnterpriseMethod(ctx(), accountId, { verificationId, method: 'oa' });
  if (answer.outcome !== 'session') throw new Error('expected a session');
  const session = await sessionRow(t.db, answer.session.id);
  expect((await deliver('oa', signedDelivery('oa', oaCompleted(session, e.name)))).status).toBeLessThan(300);
  return verificationId;
}

/** An account verified as enterprise A, 31 days ago (the cool-down over). */
async function verifiedA() {
  const a = await account();
  const e = enterprise();
  await verifyEnterprise(a, e);
  moveTime(31 * DAY_MS);
  return { a, e };
}

function request(b: { name: string; code: string }, overrides: Partial<Record<string, string>> = {}): EnterpriseSubjectChangeInput {
  return enterpriseSubjectChangeSchema(today()).parse({
    consent: CONSENT_TEXTS.subject_change.version,
    legalRepName: OLD_REP.name,
    legalRepIdNumber: OLD_REP.id,
    enterpriseName: b.name,
    code: b.code,
    province: '31',
    city: '3101',
    district: '310115',
    addressDetail: '张江路 88 号',
    ...overrides,
  });
}

async function changeRow(a: string, changeId: string) {
  return (await findChangeRequest(t.db, a, changeId))!;
}

async function changeAudit(changeId: string) {
  const rows = await t.db
    .select({ action: auditLog.action })
    .from(auditLog)
    .where(and(eq(auditLog.target, `subject_change:${changeId}`), like(auditLog.action, 'subject_change.%')))
    .orderBy(asc(auditLog.id));
  return rows.map((r) => r.action);
}

/** The old legal rep's face session, answered `result`. */
async function oldRepFace(a: string, changeId: string, result = 'passed') {
  const view = await openOldLegalRepFaceCheck(ctx(), a, changeId, CONSENT_TEXTS.face.version);
  const session = await sessionRow(t.db, view.id);
  expect((await deliver('face', signedDelivery('face', faceCompleted(session, result)))).status).toBeLessThan(300);
  return session;
}

async function proofUploads(a: string) {
  const at = new Date();
  return {
    applicationForm: await licenceUpload(t.db, a, at, 'change_proof'),
    oldLicence: await licenceUpload(t.db, a, at, 'change_proof'),
    portrait: await licenceUpload(t.db, a, at, 'legal_rep_id_front'),
    emblem: await licenceUpload(t.db, a, at, 'legal_rep_id_back'),
  };
}

/** Started, old legal rep passed, proofs submitted: in review. */
async function changeInReview(a: string, b: { name: string; code: string }) {
  const { changeId } = await startEnterpriseSubjectChange(ctx(), a, request(b));
  await oldRepFace(a, changeId);
  const { reviewCaseId } = await submitSubjectChangeProofs(ctx(), a, { changeId, legalRepDocument: 'id_card', uploadIds: await proofUploads(a) });
  return { changeId, reviewCaseId };
}

describe('变更企业主体（A企业变成B企业）: start (R-CHG-E1, R-CHG-4)', () => {
  it('is refused within 30 days of the verification with 「… 后可变更」, changing nothing', async () => {
    const a = await account();
    await verifyEnterprise(a, enterprise());
    const b = enterprise();
    const refused = await expectAppError(startEnterpriseSubjectChange(ctx(), a, request(b)), 'CHANGE_NOT_ALLOWED');
    expect(refused.detail?.message).toMatch(/距上次完成认证不足 30 天，\d{4}-\d{2}-\d{2} \d{2}:\d{2} 后可变更/);
    expect(await findAccountProcess(t.db, a)).toBeUndefined();
  });

  it('refuses bad data beside its field: the same enterprise, an old legal rep other than the one on file, a new enterprise without a free slot', async () => {
    const { a, e } = await verifiedA();
    const same = await expectAppError(startEnterpriseSubjectChange(ctx(), a, request(e)), 'INVALID_INPUT');
    expect(same.detail).toMatchObject({ field: 'code', message: expect.stringContaining('变更企业名称') });

    // A subject verified by a legal-rep method has its legal rep on file: the old legal rep must be that person.
    const subject = (await findCurrentSubject(t.db, a))!;
    await t.db
      .update(subjects)
      .set({ legalRepName: OLD_REP.name, legalRepIdNumberEnc: encryptField(OLD_REP.id, SUBJECT_LEGAL_REP_ID_CONTEXT) })
      .where(eq(subjects.id, subject.id));
    const b = enterprise();
    const name = await expectAppError(startEnterpriseSubjectChange(ctx(), a, request(b, { legalRepName: '钱多多' })), 'INVALID_INPUT');
    expect(name.detail).toMatchObject({ field: 'legalRepName', message: expect.stringContaining('不一致') });
    const id = await expectAppError(startEnterpriseSubjectChange(ctx(), a, request(b, { legalRepIdNumber: makeResidentId('110108', '19800101', '001') })), 'INVALID_INPUT');
    expect(id.detail?.field).toBe('legalRepIdNumber');
    await expectAppError(startEnterpriseSubjectChange(ctx(), a, { ...request(b), district: '440305' }), 'INVALID_INPUT');
    await expectAppError(startEnterpriseSubjectChange(ctx(), a, { ...request(b), consent: undefined }), 'CONSENT_REQUIRED');
    expect(await findAccountProcess(t.db, a)).toBeUndefined();
  });

  it('starts: face_check, valid 7 days, the old legal rep ID and the new code encrypted, the process held, the agreement on record', async () => {
    const { a } = await verifiedA();
    const b = enterprise();
    const { changeId } = await startEnterpriseSubjectChange(ctx(), a, request(b));
    const row = await changeRow(a, changeId);
    expect(row).toMatchObject({ type: 'enterprise_to_enterprise', state: 'face_check', legalRepName: OLD_REP.name, newName: b.name, province: '31', district: '310115' });
    expect(row.expiresAt!.getTime() - row.createdAt.getTime()).toBe(7 * DAY_MS);
    expect(row.legalRepIdNumberEnc).not.toContain(OLD_REP.id);
    expect(row.newCodeEnc).not.toContain(b.code);
    expect(await findAccountProcess(t.db, a)).toMatchObject({ kind: 'subject_change', processId: changeId });
    const agreed = await t.db.select().from(consents).where(and(eq(consents.accountId, a), eq(consents.processRef, `subject_change:${changeId}`)));
    expect(agreed.map((c) => c.purpose)).toEqual(['subject_change']);
    expect((await getAccountOverview(ctx(), a)).statusLabel).toBe('变更中');
    // R-LIM-9: one process at a time.
    await expectAppError(startEnterpriseSubjectChange(ctx(), a, request(enterprise())), 'PROCESS_IN_PROGRESS');
    expect(await getEnterpriseSubjectChange(ctx(), a, changeId)).toMatchObject({ newCodeMasked: `9${'*'.repeat(16)}${b.code.slice(-1)}`, legalRepIdMasked: '1****************8' });
  });
});

describe('变更企业主体: the old legal rep, the proofs, the review', () => {
  it('face of the old legal rep (its typed ID, face consent): a failure goes back, a pass opens the proofs', async () => {
    const { a } = await verifiedA();
    const { changeId } = await startEnterpriseSubjectChange(ctx(), a, request(enterprise()));
    await expectAppError(openOldLegalRepFaceCheck(ctx(), a, changeId, undefined), 'CONSENT_REQUIRED');
    await expectAppError(submitSubjectChangeProofs(ctx(), a, { changeId, legalRepDocument: 'id_card', uploadIds: await proofUploads(a) }), 'STEP_NOT_ALLOWED');

    await oldRepFace(a, changeId, 'face_mismatch');
    expect((await changeRow(a, changeId)).state).toBe('face_check');
    await oldRepFace(a, changeId, 'passed');
    expect((await changeRow(a, changeId)).state).toBe('proofs');
    const faceCall = channels.calls.filter((c) => c.url.includes('/providers/face/')).at(-1)!;
    expect(JSON.stringify(faceCall.body)).toContain(OLD_REP.name);
    expect(faceCall.body).toMatchObject({ idNumber: OLD_REP.id });
  });

  it('the proofs open a 企业主体变更证明材料 case (due in 1 business day); a double submit answers the same case; uploads must be the account\'s, of the right purpose', async () => {
    const { a } = await verifiedA();
    const b = enterprise();
    const { changeId } = await startEnterpriseSubjectChange(ctx(), a, request(b));
    await oldRepFace(a, changeId);
    const uploads = await proofUploads(a);
    const other = await account();
    const foreign = await licenceUpload(t.db, other, new Date(), 'change_proof');
    const refused = await expectAppError(
      submitSubjectChangeProofs(ctx(), a, { changeId, legalRepDocument: 'id_card', uploadIds: { ...uploads, applicationForm: foreign } }),
      'INVALID_INPUT',
    );
    expect(refused.detail?.field).toBe('applicationFormFile');
    await expectAppError(
      submitSubjectChangeProofs(ctx(), a, { changeId, legalRepDocument: 'id_card', uploadIds: { ...uploads, portrait: uploads.oldLicence } }),
      'INVALID_INPUT',
    );
    await expectAppError(submitSubjectChangeProofs(ctx(), a, { changeId, legalRepDocument: 'passport_or_driving_licence', uploadIds: uploads }), 'INVALID_INPUT');

    const { reviewCaseId } = await submitSubjectChangeProofs(ctx(), a, { changeId, legalRepDocument: 'id_card', uploadIds: uploads });
    expect(await submitSubjectChangeProofs(ctx(), a, { changeId, legalRepDocument: 'id_card', uploadIds: uploads })).toEqual({ reviewCaseId });
    const row = await changeRow(a, changeId);
    expect(row).toMatchObject({ state: 'in_review', reviewCaseId });
    const kase = (await findReviewCase(t.db, reviewCaseId))!;
    expect(kase).toMatchObject({ kind: 'subject_change_proofs', processId: changeId, state: 'open', accountId: a });
    expect(kase.dueAt.getTime()).toBeGreaterThan(kase.openedAt.getTime());
    const items = (await listReviewCaseItems(t.db, reviewCaseId)).map((r) => r.item.key);
    expect(items).toEqual([
      'old_legal_rep_name',
      'old_legal_rep_id_number',
      'new_enterprise_name',
      'new_enterprise_code',
      'change_application_form',
      'old_licence_or_deregistration',
      'legal_rep_id_portrait_photo',
      'legal_rep_id_emblem_photo',
    ]);
    const view = await getEnterpriseSubjectChange(ctx(), a, changeId);
    expect(view.review).toMatchObject({ id: reviewCaseId, dueAt: kase.dueAt });
  });

  it('a non-mainland legal rep\'s passport or driving licence replaces the two held-ID photos', async () => {
    const { a } = await verifiedA();
    const { changeId } = await startEnterpriseSubjectChange(ctx(), a, request(enterprise()));
    await oldRepFace(a, changeId);
    const uploads = await proofUploads(a);
    const passport = await licenceUpload(t.db, a, new Date(), 'change_proof');
    const { reviewCaseId } = await submitSubjectChangeProofs(ctx(), a, {
      changeId,
      legalRepDocument: 'passport_or_driving_licence',
      uploadIds: { applicationForm: uploads.applicationForm, oldLicence: uploads.oldLicence, passport },
    });
    const items = (await listReviewCaseItems(t.db, reviewCaseId)).map((r) => r.item.key);
    expect(items).toContain('legal_rep_passport_or_driving_licence');
    expect(items).not.toContain('legal_rep_id_portrait_photo');
  });
});

describe('变更企业主体: to completion', () => {
  it('rejected → fixed on the review case → approved → new data; a linked verification of another code is refused beside 社会信用代码; the approved one completes and swaps the subject; one audit row per transition', async () => {
    const { a, e } = await verifiedA();
    const wrongB = enterprise();
    const b = enterprise();
    const { changeId, reviewCaseId } = await changeInReview(a, wrongB);
    const staff = await reviewer();

    await decideReviewCase(ctx(), staff, { caseId: reviewCaseId, round: 1, decision: 'reject', reasons: [{ itemKey: 'new_enterprise_code', code: 'info_mismatch' }] });
    expect((await changeRow(a, changeId)).state).toBe('rejected');
    expect((await getSiteMessages(ctx(), a)).messages.map((m) => m.title)).toContain('审核未通过');
    const rejectedView = await getEnterpriseSubjectChange(ctx(), a, changeId);
    expect(rejectedView.review?.itemsToFix.map((i) => i.key)).toEqual(['new_enterprise_code']);

    // The user fixes the code on the review case page; the request takes it.
    await resubmitReviewCase(ctx(), a, { caseId: reviewCaseId, round: 1, values: { new_enterprise_code: b.code }, files: {} });
    expect((await changeRow(a, changeId)).state).toBe('in_review');
    await decideReviewCase(ctx(), staff, { caseId: reviewCaseId, round: 2, decision: 'reject', reasons: [{ itemKey: 'new_enterprise_name', code: 'info_mismatch' }] });
    await resubmitReviewCase(ctx(), a, { caseId: reviewCaseId, round: 2, values: { new_enterprise_name: b.name }, files: {} });
    await decideReviewCase(ctx(), staff, { caseId: reviewCaseId, round: 3, decision: 'approve' });
    expect((await changeRow(a, changeId)).state).toBe('new_data');
    expect((await getSiteMessages(ctx(), a)).messages.map((m) => m.title)).toContain('审核通过');

    // 《接受实名认证主体变更协议》 first; then only the approved enterprise.
    await expectAppError(startEnterpriseVerification(ctx(), a, await enterpriseInfo(a, b), { changeRequestId: changeId }), 'CONSENT_REQUIRED');
    await acceptChangeAgreement(ctx(), a, changeId, CONSENT_TEXTS.subject_change_accept.version);
    const wrongCode = await expectAppError(startEnterpriseVerification(ctx(), a, await enterpriseInfo(a, wrongB), { changeRequestId: changeId }), 'INVALID_INPUT');
    expect(wrongCode.detail).toMatchObject({ field: 'code', message: '请按审核通过的变更申请填写新企业的企业名称和社会信用代码' });
    const wrongName = await expectAppError(
      startEnterpriseVerification(ctx(), a, await enterpriseInfo(a, { code: b.code, name: `${b.name}分公司` }), { changeRequestId: changeId }),
      'INVALID_INPUT',
    );
    expect(wrongName.detail?.field).toBe('enterpriseName');
    expect((await changeRow(a, changeId)).state).toBe('new_data');

    const oldKey = enterpriseIdentityKey(e.code, e.name);
    expect(await countCurrentHolders(t.db, oldKey)).toBe(1);
    await verifyEnterprise(a, b, changeId);
    const done = await changeRow(a, changeId);
    expect(done.state).toBe('completed');
    expect(await countCurrentHolders(t.db, oldKey)).toBe(0);
    expect(await countCurrentHolders(t.db, enterpriseIdentityKey(b.code, b.name))).toBe(1);
    expect((await getVerificationOverview(ctx(), a)).subject).toMatchObject({ kind: 'enterprise', name: b.name });
    expect(await findAccountProcess(t.db, a)).toBeUndefined();
    expect((await getAccountOverview(ctx(), a)).statusLabel).toBe('已认证');

    expect(await changeAudit(changeId)).toEqual([
      'subject_change.started',
      'subject_change.open_session',
      'subject_change.session_passed',
      'subject_change.submit_proofs',
      'subject_change.review_rejected',
      'subject_change.resubmit',
      'subject_change.review_rejected',
      'subject_change.resubmit',
      'subject_change.review_approved',
      'subject_change.link_verification',
      'subject_change.verification_succeeded',
    ]);
  });

  it('a decision on a case the request no longer waits for changes nothing (the request was withdrawn)', async () => {
    const { a } = await verifiedA();
    const { changeId, reviewCaseId } = await changeInReview(a, enterprise());
    // As if the request had ended and a new one waited: the case is not the request's any more.
    await t.db.update(changeRequests).set({ reviewCaseId: null }).where(eq(changeRequests.id, changeId));
    await decideReviewCase(ctx(), await reviewer(), { caseId: reviewCaseId, round: 1, decision: 'approve' });
    expect((await changeRow(a, changeId)).state).toBe('in_review');
    expect(await changeAudit(changeId)).toContain('subject_change.decision_ignored');
  });

  it('撤销 while in review: the request ends, its case is closed, the account is A as before', async () => {
    const { a, e } = await verifiedA();
    const { changeId, reviewCaseId } = await changeInReview(a, enterprise());
    await cancelSubjectChange(ctx(), a, changeId);
    expect((await changeRow(a, changeId)).state).toBe('cancelled');
    expect((await findReviewCase(t.db, reviewCaseId))!.state).toBe('cancelled');
    expect(await findAccountProcess(t.db, a)).toBeUndefined();
    expect((await findCurrentSubject(t.db, a))!.name).toBe(e.name);
    await expectAppError(decideReviewCase(ctx(), await reviewer(), { caseId: reviewCaseId, round: 1, decision: 'approve' }), 'REVIEW_ALREADY_DECIDED');
  });

  it('after its 7 days the request takes no step (read-time deadline), before any sweeper', async () => {
    const { a } = await verifiedA();
    const { changeId } = await startEnterpriseSubjectChange(ctx(), a, request(enterprise()));
    moveTime(7 * DAY_MS);
    const refused = await expectAppError(openOldLegalRepFaceCheck(ctx(), a, changeId, CONSENT_TEXTS.face.version), 'CHANGE_NOT_ALLOWED');
    expect(refused.detail?.message).toContain('已过期');
  });
});

describe('下载变更申请表', () => {
  it('is a real one-page PDF of the owner\'s request; anyone else\'s id is not found', async () => {
    const { a } = await verifiedA();
    const { changeId } = await startEnterpriseSubjectChange(ctx(), a, request(enterprise()));
    const form = await getChangeApplicationForm(ctx(), a, changeId);
    expect(Buffer.from(form.bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const pdf = await PDFDocument.load(form.bytes);
    expect(pdf.getPageCount()).toBe(1);
    expect(pdf.getTitle()).toContain('变更企业主体');
    expect(form.filename).toMatch(/^change-application-[0-9a-f]{8}\.pdf$/);
    // The user uploads it back signed: the product's own PDF passes its upload checks.
    expect((await inspectUpload(form.bytes, { allowPdf: true })).contentType).toBe('application/pdf');

    const other = await account();
    await expectAppError(getChangeApplicationForm(ctx(), other, changeId), 'NOT_FOUND');
    await expectAppError(getChangeApplicationForm(ctx(), a, 'not-a-uuid'), 'NOT_FOUND');
  });

  it('is made for a rename too: current name → new name', async () => {
    const { a } = await verifiedA();
    const subject = (await findCurrentSubject(t.db, a))!;
    const row = await insertChangeRequest(t.db, {
      accountId: a,
      type: 'enterprise_rename',
      state: 'proofs',
      oldSubjectId: subject.id,
      newName: '北京改名后科技有限公司',
      createdAt: new Date(),
      updatedAt: new Date(),
    });
    const form = await getChangeApplicationForm(ctx(), a, row.id);
    expect((await PDFDocument.load(form.bytes)).getTitle()).toContain('变更企业名称');
  });
});
