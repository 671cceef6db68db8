import { describeError } from '@/lib/errors';
import { and, eq } from 'drizzle-orm';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { insertChangeRequest } from '@/db/queries/change-requests';
import { findReviewCase, listReviewCaseItems } from '@/db/queries/review-cases';
import { countCurrentHolders, findAccountProcess, findCurrentSubject } from '@/db/queries/subjects';
import { changeRequests, consents, subjects } from '@/db/schema';
import { CONSENT_VERSION } from '@/lib/domain/consent';
import { makeResidentId } from '@/lib/domain/identity/resident-id';
import { enterpriseSubjectChangeSchema, type EnterpriseSubjectChangeInput } from '@/lib/schemas/enterprise-subject-change';
import { encryptField } from '@/lib/security/crypto';
import { inspectUpload } from '@/lib/storage/inspect-upload';
import { acceptChangeAgreement } from '@/lib/features/change/accept-change-agreement';
import { getEnterpriseWizard } from '@/lib/features/enterprise/get-enterprise-wizard';
import { cancelSubjectChange } from '@/lib/features/change/cancel-subject-change';
import { SUBJECT_LEGAL_REP_ID_CONTEXT } from '@/db/schema';
import { decideReviewCase } from '@/lib/features/review/decide-review-case';
import { getAccountOverview } from '@/lib/features/overview/get-account-overview';
import { getChangeApplicationForm } from '@/lib/features/change/get-change-application-form';
import { getEnterpriseSubjectChange } from '@/lib/features/change/get-enterprise-subject-change';
import { getSiteMessages } from '@/lib/features/notifications/get-site-messages';
import { getVerificationOverview } from '@/lib/features/overview/get-verification-overview';
import { openOldLegalRepFaceCheck } from '@/lib/features/change/open-old-legal-rep-face-check';
import { resubmitReviewCase } from '@/lib/features/review/resubmit-review-case';
import { startEnterpriseSubjectChange } from '@/lib/features/change/start-enterprise-subject-change';
import { enterpriseIdentityKey, startEnterpriseVerification } from '@/lib/features/enterprise/start-enterprise-verification';
import { submitSubjectChangeProofs } from '@/lib/features/change/submit-subject-change-proofs';
import { deliver, moveTime, sessionRow, signedDelivery } from '../channels/support';
import { faceCompleted } from '../enterprise/support';
import { expectAppError } from '../support/expect-error';
import { beijingToday, enterpriseInfo, licenceUpload, newStaff, REGISTRY_LEGAL_REP, registryEnterprise, type RegistryEnterprise } from '../support/factories';
import { account, changeAudit, changeRequest, changeTestBed, DAY_MS, verifyEnterpriseByOa } from './support';

const t = changeTestBed('ab');
const ctx = t.ctx;
const OLD_REP = REGISTRY_LEGAL_REP;
let seq = 0;

function enterprise(): RegistryEnterprise {
  seq += 1;
  return registryEnterprise(t.channels, { name: `北京主体${'一二三四五六七八九十'.charAt(seq % 10)}号科技有限公司${seq}` });
}

/** An account verified as enterprise A, 31 days ago (the cool-down over). */
async function verifiedA() {
  const a = await account(t);
  const e = enterprise();
  await verifyEnterpriseByOa(t, a, e);
  moveTime(31 * DAY_MS);
  return { a, e };
}

function request(b: { name: string; code: string }, overrides: Partial<Record<string, string>> = {}): EnterpriseSubjectChangeInput {
  return enterpriseSubjectChangeSchema(beijingToday()).parse({
    consent: CONSENT_VERSION.subject_change,
    legalRepName: OLD_REP.name,
    legalRepIdNumber: OLD_REP.idNumber,
    enterpriseName: b.name,
    code: b.code,
    province: '31',
    city: '3101',
    district: '310115',
    addressDetail: '张江路 88 号',
    ...overrides,
  });
}

/** The old legal rep's face session, answered `result`. */
async function oldRepFace(a: string, changeId: string, result = 'passed') {
  const view = await openOldLegalRepFaceCheck(ctx(), a, changeId, CONSENT_VERSION.face);
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
    const a = await account(t);
    await verifyEnterpriseByOa(t, a, enterprise());
    const b = enterprise();
    const refused = await expectAppError(startEnterpriseSubjectChange(ctx(), a, request(b)), 'CHANGE_NOT_ALLOWED');
    expect(describeError(refused.code, refused.detail).message).toMatch(/距上次完成认证不足 30 天，\d{4}-\d{2}-\d{2} \d{2}:\d{2} 后可变更/);
    expect(await findAccountProcess(t.db, a)).toBeUndefined();
  });

  it('refuses bad data beside its field: the same enterprise, an old legal rep other than the one on file, a new enterprise without a free slot', async () => {
    const { a, e } = await verifiedA();
    const same = await expectAppError(startEnterpriseSubjectChange(ctx(), a, request(e)), 'INVALID_INPUT');
    expect(describeError(same.code, same.detail)).toMatchObject({ field: 'code', message: expect.stringContaining('变更企业名称') });

    // A subject verified by a legal-rep method has its legal rep on file: the old legal rep must be that person.
    const subject = (await findCurrentSubject(t.db, a))!;
    await t.db
      .update(subjects)
      .set({ legalRepName: OLD_REP.name, legalRepIdNumberEnc: encryptField(OLD_REP.idNumber, SUBJECT_LEGAL_REP_ID_CONTEXT) })
      .where(eq(subjects.id, subject.id));
    const b = enterprise();
    const name = await expectAppError(startEnterpriseSubjectChange(ctx(), a, request(b, { legalRepName: '钱多多' })), 'INVALID_INPUT');
    expect(describeError(name.code, name.detail)).toMatchObject({ field: 'legalRepName', message: expect.stringContaining('不一致') });
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
    const row = await changeRequest(t.db, a, changeId);
    expect(row).toMatchObject({ type: 'enterprise_to_enterprise', state: 'face_check', legalRepName: OLD_REP.name, newName: b.name, province: '31', district: '310115' });
    expect(row.expiresAt!.getTime() - row.createdAt.getTime()).toBe(7 * DAY_MS);
    expect(row.legalRepIdNumberEnc).not.toContain(OLD_REP.idNumber);
    expect(row.newCodeEnc).not.toContain(b.code);
    expect(await findAccountProcess(t.db, a)).toMatchObject({ kind: 'subject_change', processId: changeId });
    const agreed = await t.db.select().from(consents).where(and(eq(consents.accountId, a), eq(consents.processRef, `subject_change:${changeId}`)));
    expect(agreed.map((c) => c.purpose)).toEqual(['subject_change']);
    expect((await getAccountOverview(ctx(), a)).status).toBe('changing');
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
    expect((await changeRequest(t.db, a, changeId)).state).toBe('face_check');
    await oldRepFace(a, changeId, 'passed');
    expect((await changeRequest(t.db, a, changeId)).state).toBe('proofs');
    const faceCall = t.channels.calls.filter((c) => c.url.includes('/providers/face/')).at(-1)!;
    expect(JSON.stringify(faceCall.body)).toContain(OLD_REP.name);
    expect(faceCall.body).toMatchObject({ idNumber: OLD_REP.idNumber });
  });

  it('the proofs open a 企业主体变更证明材料 case (due in 1 business day); a double submit answers the same case; uploads must be the account\'s, of the right purpose', async () => {
    const { a } = await verifiedA();
    const b = enterprise();
    const { changeId } = await startEnterpriseSubjectChange(ctx(), a, request(b));
    await oldRepFace(a, changeId);
    const uploads = await proofUploads(a);
    const other = await account(t);
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
    const row = await changeRequest(t.db, a, changeId);
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
    const staff = await newStaff(ctx());

    await decideReviewCase(ctx(), staff, { caseId: reviewCaseId, round: 1, decision: 'reject', reasons: [{ itemKey: 'new_enterprise_code', code: 'info_mismatch' }] });
    expect((await changeRequest(t.db, a, changeId)).state).toBe('rejected');
    expect((await getSiteMessages(ctx(), a)).messages.map((m) => m.title)).toContain('审核未通过');
    const rejectedView = await getEnterpriseSubjectChange(ctx(), a, changeId);
    expect(rejectedView.review?.itemsToFix.map((i) => i.key)).toEqual(['new_enterprise_code']);

    // The user fixes the code on the review case page; the request takes it.
    await resubmitReviewCase(ctx(), a, { caseId: reviewCaseId, round: 1, values: { new_enterprise_code: b.code }, files: {} });
    expect((await changeRequest(t.db, a, changeId)).state).toBe('in_review');
    await decideReviewCase(ctx(), staff, { caseId: reviewCaseId, round: 2, decision: 'reject', reasons: [{ itemKey: 'new_enterprise_name', code: 'info_mismatch' }] });
    await resubmitReviewCase(ctx(), a, { caseId: reviewCaseId, round: 2, values: { new_enterprise_name: b.name }, files: {} });
    await decideReviewCase(ctx(), staff, { caseId: reviewCaseId, round: 3, decision: 'approve' });
    expect((await changeRequest(t.db, a, changeId)).state).toBe('new_data');
    expect((await getSiteMessages(ctx(), a)).messages.map((m) => m.title)).toContain('审核通过');

    // 《接受实名认证主体变更协议》 first; then only the approved enterprise.
    await expectAppError(startEnterpriseVerification(ctx(), a, await enterpriseInfo(t.db, a, b), { changeRequestId: changeId }), 'CONSENT_REQUIRED');
    await acceptChangeAgreement(ctx(), a, changeId, CONSENT_VERSION.subject_change_accept);
    // The wizard's step 1 starts with the approved enterprise (the fixed code and name) and the address given at the start.
    expect((await getEnterpriseWizard(ctx(), a)).change?.newEnterprise).toMatchObject({ enterpriseName: b.name, code: b.code, province: '31', addressDetail: '张江路 88 号' });
    const wrongCode = await expectAppError(startEnterpriseVerification(ctx(), a, await enterpriseInfo(t.db, a, wrongB), { changeRequestId: changeId }), 'INVALID_INPUT');
    expect(describeError(wrongCode.code, wrongCode.detail)).toMatchObject({ field: 'code', message: '请按审核通过的变更申请填写新企业的企业名称和社会信用代码' });
    const wrongName = await expectAppError(
      startEnterpriseVerification(ctx(), a, await enterpriseInfo(t.db, a, { code: b.code, name: `${b.name}分公司` }), { changeRequestId: changeId }),
      'INVALID_INPUT',
    );
    expect(wrongName.detail?.field).toBe('enterpriseName');
    expect((await changeRequest(t.db, a, changeId)).state).toBe('new_data');

    const oldKey = enterpriseIdentityKey(e.code, e.name);
    expect(await countCurrentHolders(t.db, oldKey)).toBe(1);
    await verifyEnterpriseByOa(t, a, b, changeId);
    const done = await changeRequest(t.db, a, changeId);
    expect(done.state).toBe('completed');
    expect(await countCurrentHolders(t.db, oldKey)).toBe(0);
    expect(await countCurrentHolders(t.db, enterpriseIdentityKey(b.code, b.name))).toBe(1);
    expect((await getVerificationOverview(ctx(), a)).subject).toMatchObject({ kind: 'enterprise', name: b.name });
    expect(await findAccountProcess(t.db, a)).toBeUndefined();
    expect((await getAccountOverview(ctx(), a)).status).toBe('verified');

    expect(await changeAudit(t.db, changeId)).toEqual([
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
    await decideReviewCase(ctx(), await newStaff(ctx()), { caseId: reviewCaseId, round: 1, decision: 'approve' });
    expect((await changeRequest(t.db, a, changeId)).state).toBe('in_review');
    expect(await changeAudit(t.db, changeId)).toContain('subject_change.decision_ignored');
  });

  it('撤销 while in review: the request ends, its case is closed, the account is A as before', async () => {
    const { a, e } = await verifiedA();
    const { changeId, reviewCaseId } = await changeInReview(a, enterprise());
    await cancelSubjectChange(ctx(), a, changeId);
    expect((await changeRequest(t.db, a, changeId)).state).toBe('cancelled');
    expect((await findReviewCase(t.db, reviewCaseId))!.state).toBe('cancelled');
    expect(await findAccountProcess(t.db, a)).toBeUndefined();
    expect((await findCurrentSubject(t.db, a))!.name).toBe(e.name);
    await expectAppError(decideReviewCase(ctx(), await newStaff(ctx()), { caseId: reviewCaseId, round: 1, decision: 'approve' }), 'REVIEW_ALREADY_DECIDED');
  });

  it('after its 7 days the request takes no step (read-time deadline), before any sweeper', async () => {
    const { a } = await verifiedA();
    const { changeId } = await startEnterpriseSubjectChange(ctx(), a, request(enterprise()));
    moveTime(7 * DAY_MS);
    const refused = await expectAppError(openOldLegalRepFaceCheck(ctx(), a, changeId, CONSENT_VERSION.face), 'CHANGE_NOT_ALLOWED');
    expect(describeError(refused.code, refused.detail).message).toContain('已过期');
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

    const other = await account(t);
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
